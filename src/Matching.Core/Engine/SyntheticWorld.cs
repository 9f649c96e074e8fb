using Matching.Core.Domain;

namespace Matching.Core.Engine;

/// <summary>A graded employer decision on a proposed pair, timestamped so models can be checked on a later window.</summary>
public sealed record GradedDecision(string CandidateId, string VacancyId, int Grade, DateOnly DecidedOn)
{
    public const int Rejected = 0, Shortlisted = 1, Interviewed = 2, Hired = 3, StillEmployedAfterSixMonths = 4;
}

/// <summary>A Moroccan city with coordinates, for synthetic profiles.</summary>
public sealed record SyntheticCity(string Name, double Latitude, double Longitude, double Weight);

/// <summary>
/// Synthetic candidates, vacancies and employer decisions drawn from the real ESCO taxonomy, reproducible from a
/// seed. No real person is described: the data exists to test, benchmark and demonstrate the engine.
/// </summary>
public sealed class SyntheticWorld
{
    public static IReadOnlyList<SyntheticCity> Cities { get; } =
    [
        new("Casablanca", 33.5731, -7.5898, 0.22), new("Rabat", 34.0209, -6.8416, 0.09), new("Salé", 34.0331, -6.7985, 0.06),
        new("Tanger", 35.7595, -5.8340, 0.09), new("Fès", 34.0181, -5.0078, 0.08), new("Marrakech", 31.6295, -7.9811, 0.08),
        new("Agadir", 30.4278, -9.5981, 0.06), new("Meknès", 33.8935, -5.5473, 0.05), new("Oujda", 34.6814, -1.9086, 0.05),
        new("Kénitra", 34.2610, -6.5802, 0.04), new("Tétouan", 35.5889, -5.3626, 0.04), new("Laâyoune", 27.1253, -13.1625, 0.03),
        new("Nador", 35.1681, -2.9335, 0.03), new("Mohammedia", 33.6861, -7.3829, 0.04), new("Béni Mellal", 32.3373, -6.3498, 0.04),
    ];

    private readonly TaxonomyGraph _graph;
    private readonly int[] _occupations;
    private readonly DateOnly _origin;

    /// <summary>A world whose labour market uses <paramref name="occupationCount"/> ESCO occupations; all draws follow <paramref name="seed"/>.</summary>
    public SyntheticWorld(TaxonomyGraph graph, int seed, int occupationCount = 400, DateOnly? origin = null)
    {
        _graph = graph;
        Seed = seed;
        _origin = origin ?? new DateOnly(2026, 1, 5);
        var random = new Random(seed);
        // Skilled trades, services, clerical and elementary work dominate the programmes' placements.
        var eligible = Enumerable.Range(0, graph.OccupationCount)
            .Where(o => graph.EssentialSkills[o].Length >= 5 && graph.OccupationIsco[o] / 1000 is >= 2 and <= 9)
            .OrderBy(o => (graph.OccupationIsco[o] / 1000 is 4 or 5 or 7 or 8 or 9 ? 0 : 1) + random.NextDouble() * 1.6)
            .Take(occupationCount).ToArray();
        _occupations = eligible;
    }

    public int Seed { get; }

    /// <summary>The first day of the synthetic calendar; vacancies are posted from then on.</summary>
    public DateOnly Origin => _origin;

    public List<CandidateProfile> Candidates(int count, int seedOffset = 1)
    {
        var random = new Random(Seed * 7919 + seedOffset);
        var result = new List<CandidateProfile>(count);
        for (var i = 0; i < count; i++) result.Add(Candidate(random, $"c{i}"));
        return result;
    }

    /// <summary>Vacancies posted one after another over <paramref name="days"/> days (index order is time order).</summary>
    public List<(VacancyProfile Vacancy, DateOnly PostedOn)> Vacancies(int count, int days = 365, int seedOffset = 2)
    {
        var random = new Random(Seed * 104729 + seedOffset);
        var result = new List<(VacancyProfile, DateOnly)>(count);
        for (var i = 0; i < count; i++)
        {
            var posted = _origin.AddDays((int)((long)i * days / Math.Max(1, count)));
            result.Add((Vacancy(random, $"v{i}", posted), posted));
        }
        return result;
    }

    private CandidateProfile Candidate(Random random, string id)
    {
        var main = _occupations[random.Next(_occupations.Length)];
        var experiences = new List<ExperienceSpan>();
        var jobs = random.Next(0, 4);
        for (var j = 0; j < jobs; j++)
        {
            var occupation = random.NextDouble() < 0.6 ? main : Neighbour(random, main);
            experiences.Add(new ExperienceSpan(occupation, Math.Round(0.3 + random.NextDouble() * random.NextDouble() * 8, 1), _graph.OccupationLabelsEn[occupation]));
        }
        var desired = random.NextDouble() < 0.75 ? main : Neighbour(random, main);
        var skills = new List<SkillClaim>();
        var known = jobs == 0 ? 0.25 : 0.35 + random.NextDouble() * 0.45;
        foreach (var s in _graph.EssentialSkills[main]) if (random.NextDouble() < known) skills.Add(new SkillClaim(s, random.Next(1, 5)));
        foreach (var s in _graph.OptionalSkills[main]) if (random.NextDouble() < known / 3) skills.Add(new SkillClaim(s, random.Next(1, 4)));
        for (var k = random.Next(0, 4); k > 0; k--) skills.Add(new SkillClaim(random.Next(_graph.SkillCount), random.Next(1, 4)));

        var languages = new List<LanguageSkill>();
        if (random.NextDouble() < 0.55) languages.Add(new LanguageSkill("ar", CefrLevel.Native));
        else if (random.NextDouble() < 0.5) languages.Add(new LanguageSkill("ar", (CefrLevel)random.Next(1, 4)));
        if (random.NextDouble() < 0.75) languages.Add(new LanguageSkill("fr", (CefrLevel)random.Next(1, 8)));
        if (random.NextDouble() < 0.45) languages.Add(new LanguageSkill("en", (CefrLevel)random.Next(1, 8)));
        if (random.NextDouble() < 0.1) languages.Add(new LanguageSkill("es", (CefrLevel)random.Next(2, 7)));

        var wantsInternship = random.NextDouble() < (jobs == 0 ? 0.7 : 0.2);
        var wantsJob = !wantsInternship || random.NextDouble() < 0.6;
        var city = City(random);
        return new CandidateProfile
        {
            Id = id,
            DesiredOccupations = [desired],
            Experiences = experiences,
            Skills = skills.DistinctBy(s => s.Skill).ToList(),
            Languages = languages,
            Titles = experiences.Select(e => e.Title!).Append(_graph.OccupationLabelsEn[desired]).ToList(),
            Education = (IscedLevel)random.Next(1, 8),
            Location = Jitter(random, city),
            MobilityKm = new[] { 10, 20, 30, 50, 80, 150 }[random.Next(6)],
            AvailableFrom = random.NextDouble() < 0.7 ? null : _origin.AddDays(random.Next(0, 400)),
            Wants = (wantsJob ? OpportunityKinds.Job : 0) | (wantsInternship ? OpportunityKinds.Internship : 0),
            WorkAuthorisedUntil = random.NextDouble() < 0.75 ? null : _origin.AddDays(random.Next(-30, 800)),
        };
    }

    private VacancyProfile Vacancy(Random random, string id, DateOnly posted)
    {
        var occupation = _occupations[random.Next(_occupations.Length)];
        var essential = _graph.EssentialSkills[occupation].Where(_ => random.NextDouble() < 0.8).ToList();
        var optional = _graph.OptionalSkills[occupation].Where(_ => random.NextDouble() < 0.25).ToList();
        var languages = new List<LanguageSkill>();
        if (random.NextDouble() < 0.7) languages.Add(new LanguageSkill("fr", (CefrLevel)random.Next(2, 5)));
        if (random.NextDouble() < 0.5) languages.Add(new LanguageSkill("ar", (CefrLevel)random.Next(2, 4)));
        if (random.NextDouble() < 0.25) languages.Add(new LanguageSkill("en", (CefrLevel)random.Next(2, 5)));
        var internship = random.NextDouble() < 0.2;
        return new VacancyProfile
        {
            Id = id,
            Kind = internship ? VacancyKind.Internship : VacancyKind.Job,
            Title = _graph.OccupationLabelsEn[occupation],
            Occupation = occupation,
            EssentialSkills = essential,
            OptionalSkills = optional,
            Languages = languages,
            Location = Jitter(random, City(random)),
            StartDate = posted.AddDays(random.Next(7, 60)),
            EducationMin = random.NextDouble() < 0.4 ? (IscedLevel)random.Next(1, 7) : null,
            Positions = random.Next(1, 4),
        };
    }

    /// <summary>Another occupation of the same ISCO minor group when one exists in the market, else the same one.</summary>
    private int Neighbour(Random random, int occupation)
    {
        var minor = _graph.OccupationIsco[occupation] / 10;
        var close = _occupations.Where(o => o != occupation && _graph.OccupationIsco[o] / 10 == minor).ToArray();
        return close.Length > 0 && random.NextDouble() < 0.8 ? close[random.Next(close.Length)] : _occupations[random.Next(_occupations.Length)];
    }

    private static SyntheticCity City(Random random)
    {
        var x = random.NextDouble() * Cities.Sum(c => c.Weight);
        foreach (var c in Cities) { x -= c.Weight; if (x <= 0) return c; }
        return Cities[0];
    }

    private static GeoPlace Jitter(Random random, SyntheticCity city) =>
        new(city.Latitude + (random.NextDouble() - 0.5) * 0.08, city.Longitude + (random.NextDouble() - 0.5) * 0.08, city.Name);
}
