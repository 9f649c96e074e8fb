using Matching.Core.Domain;

namespace Matching.Core.Engine;

/// <summary>
/// The features of a (candidate, vacancy) pair, in a fixed order shared by the cold-start formula, the learned
/// ranker and the explanations. Protected attributes (gender, age, nationality, religion, migration status) are
/// not features and cannot become ones: profiles do not carry them.
/// </summary>
public static class PairFeatures
{
    public const int EssentialSkillCoverage = 0;
    public const int EssentialSkillDirect = 1;
    public const int OptionalSkillCoverage = 2;
    public const int DesiredOccupationSimilarity = 3;
    public const int ExperienceOccupationSimilarity = 4;
    public const int RelatedExperienceYears = 5;
    public const int TitleSimilarity = 6;
    public const int LanguageFit = 7;
    public const int LanguagesMissing = 8;
    public const int DistanceFit = 9;
    public const int DistanceKnown = 10;
    public const int SamePlace = 11;
    public const int AvailabilityFit = 12;
    public const int IsInternship = 13;
    public const int InternshipSuitability = 14;
    public const int EducationFit = 15;
    public const int Count = 16;

    /// <summary>Feature names in vector order (model cards, explanations, tests).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "essential_skill_coverage", "essential_skill_direct", "optional_skill_coverage", "desired_occupation_similarity",
        "experience_occupation_similarity", "related_experience_years", "title_similarity", "language_fit",
        "languages_missing", "distance_fit", "distance_known", "same_place", "availability_fit", "is_internship",
        "internship_suitability", "education_fit",
    ];

    /// <summary>Years of related experience at which <see cref="RelatedExperienceYears"/> saturates to 1.</summary>
    public const double ExperienceYearsCap = 10;

    /// <summary>
    /// Fills <paramref name="features"/> (length <see cref="Count"/>) for one pair. Pure: depends only on its inputs.
    /// </summary>
    public static void Compute(TaxonomyGraph graph, PreparedCandidate c, PreparedVacancy v, DateOnly referenceDate, Span<float> features)
    {
        features.Clear();
        var (coverage, direct) = Coverage(c, v.Essential, v.EssentialWeights, v.EssentialWeightTotal);
        features[EssentialSkillCoverage] = coverage;
        features[EssentialSkillDirect] = direct;
        features[OptionalSkillCoverage] = Coverage(c, v.Optional, v.OptionalWeights, v.OptionalWeightTotal).Coverage;

        var occupation = v.Profile.Occupation;
        if (occupation >= 0)
        {
            double desired = 0, experience = 0, years = 0;
            foreach (var o in c.Profile.DesiredOccupations) desired = Math.Max(desired, graph.OccupationSimilarity(o, occupation));
            foreach (var e in c.Profile.Experiences)
            {
                if (e.Occupation < 0) continue;
                var sim = graph.OccupationSimilarity(e.Occupation, occupation);
                experience = Math.Max(experience, sim);
                if (sim >= 0.45) years += e.Years * sim;
            }
            features[DesiredOccupationSimilarity] = (float)desired;
            features[ExperienceOccupationSimilarity] = (float)experience;
            features[RelatedExperienceYears] = (float)(Math.Min(years, ExperienceYearsCap) / ExperienceYearsCap);
        }

        features[TitleSimilarity] = c.TitleVector.Dot(v.TitleVector);

        var (fit, missing) = Languages(c.Profile.Languages, v.Profile.Languages);
        features[LanguageFit] = fit;
        features[LanguagesMissing] = missing;

        var sameName = c.PlaceKey is not null && c.PlaceKey == v.PlaceKey;
        features[SamePlace] = sameName ? 1 : 0;
        var distance = GeoPlace.DistanceKm(c.Profile.Location, v.Profile.Location);
        if (distance is { } km)
        {
            features[DistanceKnown] = 1;
            features[DistanceFit] = (float)DistanceScore(km, c.Profile.MobilityKm);
        }
        else features[DistanceFit] = sameName ? 1f : 0.5f;

        var start = v.Profile.StartDate ?? referenceDate;
        features[AvailabilityFit] = c.Profile.AvailableFrom is { } from && from > start
            ? (float)Math.Max(0, 1 - (from.DayNumber - start.DayNumber) / 90.0)
            : 1f;

        if (v.Profile.Kind == VacancyKind.Internship)
        {
            features[IsInternship] = 1;
            // Internships suit people starting or restarting a career: little experience, some schooling.
            var early = Math.Max(0, 1 - c.TotalExperienceYears / 5.0);
            var schooled = c.Profile.Education is >= IscedLevel.UpperSecondary ? 1.0 : 0.6;
            features[InternshipSuitability] = (float)(early * schooled);
        }

        features[EducationFit] = (c.Profile.Education, v.Profile.EducationMin) switch
        {
            (_, null) => 1f,
            (null, _) => 0.5f,
            ({ } has, { } needs) => has >= needs ? 1f : Math.Max(0f, 1f - 0.3f * (needs - has)),
        };
    }

    /// <summary>1 inside the candidate's mobility radius (slightly less further out in it), then falling to 0 100 km beyond.</summary>
    public static double DistanceScore(double km, int mobilityKm)
    {
        var radius = Math.Max(mobilityKm, 1);
        return km <= radius ? 1 - 0.3 * km / radius : Math.Max(0, 0.7 * (1 - (km - radius) / 100));
    }

    /// <summary>
    /// Mean fit over required languages (1 at or above the CEFR level, a third less per level short, 0 when absent)
    /// and the number of required languages the candidate lacks or is two levels or more short of.
    /// </summary>
    public static (float Fit, float Missing) Languages(IReadOnlyList<LanguageSkill> has, IReadOnlyList<LanguageSkill> needs)
    {
        if (needs.Count == 0) return (1, 0);
        double sum = 0; var missing = 0;
        foreach (var need in needs)
        {
            var level = 0;
            foreach (var l in has)
                if (string.Equals(l.Code, need.Code, StringComparison.OrdinalIgnoreCase)) level = Math.Max(level, (int)l.Level);
            var required = Math.Min((int)need.Level, (int)CefrLevel.C2);
            var fit = level == 0 ? 0 : level >= required ? 1 : Math.Max(0, 1 - (required - level) / 3.0);
            if (level == 0 || required - level >= 2) missing++;
            sum += fit;
        }
        return ((float)(sum / needs.Count), missing);
    }

    private static (float Coverage, float Direct) Coverage(PreparedCandidate c, int[] skills, float[] weights, float total)
    {
        if (skills.Length == 0 || total <= 0) return (0, 0);
        float covered = 0, direct = 0;
        int i = 0, j = 0;
        var ids = c.SkillIds; var credits = c.SkillCredits;
        while (i < skills.Length && j < ids.Length)
        {
            if (skills[i] == ids[j])
            {
                covered += weights[i] * credits[j];
                if (credits[j] >= SkillCredit.Direct) direct += weights[i];
                i++; j++;
            }
            else if (skills[i] < ids[j]) i++;
            else j++;
        }
        return (covered / total, direct / total);
    }
}

/// <summary>How much a candidate is credited for a skill by the way they hold it.</summary>
public static class SkillCredit
{
    /// <summary>Credits at or above this come from a declared skill.</summary>
    public const float Direct = 0.85f;
    public const float BroaderOfDeclared = 0.5f;
    public const float RelatedToDeclared = 0.5f;
    public const float NarrowerOfDeclared = 0.4f;
    public const float EssentialOfPastOccupation = 0.6f;
    public const float EssentialOfDesiredOccupation = 0.45f;
    public const float OptionalOfPastOccupation = 0.3f;

    public static float Declared(int level) => Math.Min(1f, 0.85f + 0.05f * (Math.Clamp(level, 1, 4) - 1));
}
