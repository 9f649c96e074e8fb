namespace Matching.Core.Engine;

/// <summary>
/// A documented, synthetic model of how employers decide on the candidates they are shown, used to demonstrate that
/// the learned ranker learns from feedback. Employers here value things differently from the cold-start formula:
/// <list type="bullet">
/// <item>declared (not inferred) essential skills weigh most; related experience counts with diminishing returns;</item>
/// <item>a required language the candidate lacks is nearly a deal-breaker; living beyond the candidate's mobility is a
/// sharp step, not a slope;</item>
/// <item>internships go to early-career candidates; job titles and desired occupations barely matter once skills are known;</item>
/// <item>each vacancy's employer has its own taste (random extra weight on experience or on languages) and every
/// judgement has noise (σ = 0.35).</item>
/// </list>
/// For each vacancy the employer is shown the cold-start top <see cref="Shown"/> plus <see cref="Explored"/> random
/// eligible candidates; they are ordered by the hidden utility: the best is hired (and still employed after six
/// months if the utility is high), the next two are interviewed, the next four shortlisted, the rest rejected;
/// a candidate whose utility is below a floor is rejected whatever their rank.
/// </summary>
public sealed class EmployerBehaviourModel(int seed)
{
    public int Shown { get; init; } = 20;
    public int Explored { get; init; } = 5;

    /// <summary>The hidden utility of a pair to an employer with the given taste, before noise.</summary>
    public static double Utility(ReadOnlySpan<float> f, double tasteExperience, double tasteLanguages) =>
        2.0 * f[PairFeatures.EssentialSkillDirect]
        + 0.6 * f[PairFeatures.EssentialSkillCoverage]
        + (1.5 + tasteExperience) * Math.Sqrt(f[PairFeatures.RelatedExperienceYears])
        + 0.8 * f[PairFeatures.ExperienceOccupationSimilarity]
        - (1.2 + tasteLanguages) * f[PairFeatures.LanguagesMissing]
        + (f[PairFeatures.DistanceFit] > 0.6 ? 1.0 : 0.0)
        + 0.5 * f[PairFeatures.AvailabilityFit]
        + 1.5 * f[PairFeatures.InternshipSuitability]
        + 0.3 * f[PairFeatures.EducationFit];

    /// <summary>Simulates the decisions on every vacancy, in posting order.</summary>
    public List<GradedDecision> Decide(TaxonomyGraph graph, CandidatePool pool, IReadOnlyList<(VacancyProfile Vacancy, DateOnly PostedOn)> vacancies)
    {
        var random = new Random(seed);
        var engine = new MatchingEngine(graph, new ColdStartScorer(), new EngineOptions { Top = Shown });
        var decisions = new List<GradedDecision>();
        var features = new float[PairFeatures.Count];
        foreach (var (vacancy, posted) in vacancies)
        {
            var shown = engine.ShortlistCandidates(pool, [vacancy], posted).Lists[0].Matches
                .Select(m => (m.CandidateId, Features: m.Features)).ToList();
            var prepared = PreparedVacancy.Create(graph, vacancy, pool.Vocabulary);
            for (var tries = 0; tries < Explored * 4 && shown.Count < Shown + Explored; tries++)
            {
                var c = pool.Items[random.Next(pool.Items.Count)];
                if (shown.Any(s => s.CandidateId == c.Profile.Id) || HardFilters.Check(c.Profile, vacancy, posted) is not null) continue;
                PairFeatures.Compute(graph, c, prepared, posted, features);
                shown.Add((c.Profile.Id, features.ToArray()));
            }
            double tasteExperience = random.NextDouble() - 0.3, tasteLanguages = random.NextDouble();
            var judged = shown
                .Select(s => (s.CandidateId, Utility: Utility(s.Features, tasteExperience, tasteLanguages) + Gaussian(random) * 0.35))
                .OrderByDescending(s => s.Utility).ToList();
            for (var rank = 0; rank < judged.Count; rank++)
            {
                var (candidateId, utility) = judged[rank];
                var grade = rank switch { 0 => utility > 3.4 ? 4 : 3, <= 2 => 2, <= 6 => 1, _ => 0 };
                if (utility < 1.5) grade = 0;
                decisions.Add(new GradedDecision(candidateId, vacancy.Id, grade, posted.AddDays(14 + rank)));
            }
        }
        return decisions;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
