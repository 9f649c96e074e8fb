using Matching.Core.Domain;

namespace Matching.Core.Engine;

/// <summary>
/// What the engine knows about a candidate: linked concepts (dense ids of <see cref="TaxonomyGraph"/>), languages,
/// place, availability. Deliberately has no gender, age, nationality, religion or migration status: the engine
/// cannot use what it is never given (law 09-08, non-discrimination).
/// </summary>
public sealed record CandidateProfile
{
    public required string Id { get; init; }
    /// <summary>Occupations the candidate is looking for, with the confidence of the link from their words.</summary>
    public IReadOnlyList<LinkedOccupation> DesiredOccupations { get; init; } = [];
    public IReadOnlyList<ExperienceSpan> Experiences { get; init; } = [];
    public IReadOnlyList<SkillClaim> Skills { get; init; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];
    /// <summary>Free-text titles (experiences, desired jobs) kept for keyword similarity when linking is uncertain.</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];
    public IscedLevel? Education { get; init; }
    public GeoPlace Location { get; init; } = GeoPlace.Unknown;
    public int MobilityKm { get; init; } = 30;
    public DateOnly? AvailableFrom { get; init; }
    public OpportunityKinds Wants { get; init; } = OpportunityKinds.Job | OpportunityKinds.Internship;
    /// <summary>Last day the candidate may work in Morocco (residence card, refugee card); null when not limited.</summary>
    public DateOnly? WorkAuthorisedUntil { get; init; }
}

/// <summary>
/// One past job: its linked occupation (-1 when the title could not be linked), its length in years, and how sure
/// the linker was (1 for an ESCO URI or an exact label): an uncertain link counts less in every feature.
/// </summary>
public sealed record ExperienceSpan(int Occupation, double Years, string? Title = null, float Confidence = 1f)
{
    /// <summary>Runner-up links of an ambiguous title (close to the best), credited for occupation similarity only.</summary>
    public IReadOnlyList<LinkedOccupation> Alternatives { get; init; } = [];
}

/// <summary>An occupation (dense id) linked from a text or given as a URI, with the link's confidence in 0..1.</summary>
public sealed record LinkedOccupation(int Occupation, float Confidence = 1f);

/// <summary>
/// A skill the candidate declared or was assessed on, with a 1 (basic) to 4 (expert) level and the confidence of
/// the link from the candidate's words (1 for an ESCO URI).
/// </summary>
public sealed record SkillClaim(int Skill, int Level = 2, float Confidence = 1f);

/// <summary>A language with an ISO 639 code and a CEFR level.</summary>
public sealed record LanguageSkill(string Code, CefrLevel Level);

/// <summary>
/// A place: coordinates when known, a place name (city, or the finest level given) and optionally its region and
/// country, compared by folded names when coordinates are missing (places outside Morocco, unknown towns).
/// </summary>
public sealed record GeoPlace(double? Latitude, double? Longitude, string? Name)
{
    public static readonly GeoPlace Unknown = new(null, null, null);

    /// <summary>Region, province or state, when given.</summary>
    public string? Region { get; init; }
    public string? Country { get; init; }

    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>The name folded for comparison ("Salé" and "sale " are the same place); null when absent.</summary>
    public string? Key => FoldKey(Name);

    public string? RegionKey => FoldKey(Region);

    public string? CountryKey => FoldKey(Country);

    /// <summary>
    /// How much two places are the same place by name: 1 same town, 0.5 same region (or one side's town is the
    /// other's region), 0.15 same country only, 0 otherwise or when a side is unknown.
    /// </summary>
    public static float NameMatch(GeoPlace a, GeoPlace b)
    {
        string? cityA = a.Key, cityB = b.Key, regionA = a.RegionKey, regionB = b.RegionKey;
        if (cityA is not null && cityA == cityB) return 1f;
        if ((regionA is not null && (regionA == regionB || regionA == cityB)) || (regionB is not null && regionB == cityA)) return 0.5f;
        if (a.CountryKey is { } countryA && countryA == b.CountryKey) return 0.15f;
        return 0f;
    }

    private static string? FoldKey(string? name) =>
        name is { Length: > 0 } n && TextTokens.Fold(n).Trim() is { Length: > 0 } k ? k : null;

    /// <summary>Great-circle distance in kilometres (haversine), or null when either side lacks coordinates.</summary>
    public static double? DistanceKm(GeoPlace a, GeoPlace b)
    {
        if (!a.HasCoordinates || !b.HasCoordinates) return null;
        const double earthRadiusKm = 6371.0;
        double lat1 = Radians(a.Latitude!.Value), lat2 = Radians(b.Latitude!.Value);
        double dLat = lat2 - lat1, dLon = Radians(b.Longitude!.Value - a.Longitude!.Value);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1) * Math.Cos(lat2) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * earthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

/// <summary>
/// What the engine knows about a vacancy or internship. Skills are dense ids; when the employer listed none, the
/// profile builder fills in the occupation's essential skills.
/// </summary>
public sealed record VacancyProfile
{
    public required string Id { get; init; }
    public VacancyKind Kind { get; init; } = VacancyKind.Job;
    public string Title { get; init; } = "";
    /// <summary>Linked ESCO occupation (dense id) or -1.</summary>
    public int Occupation { get; init; } = -1;
    /// <summary>Confidence of the title's link to <see cref="Occupation"/> (1 when the employer gave the URI).</summary>
    public float OccupationConfidence { get; init; } = 1f;
    /// <summary>Runner-up links of an ambiguous title, credited for occupation similarity only.</summary>
    public IReadOnlyList<LinkedOccupation> AlternativeOccupations { get; init; } = [];
    public IReadOnlyList<int> EssentialSkills { get; init; } = [];
    public IReadOnlyList<int> OptionalSkills { get; init; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];
    public GeoPlace Location { get; init; } = GeoPlace.Unknown;
    public DateOnly? StartDate { get; init; }
    public IscedLevel? EducationMin { get; init; }
    public int Positions { get; init; } = 1;
}
