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
    /// <summary>Occupations the candidate is looking for (dense occupation ids).</summary>
    public IReadOnlyList<int> DesiredOccupations { get; init; } = [];
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

/// <summary>One past job: its linked occupation (-1 when the title could not be linked) and its length in years.</summary>
public sealed record ExperienceSpan(int Occupation, double Years, string? Title = null);

/// <summary>A skill the candidate declared or was assessed on, with a 1 (basic) to 4 (expert) level.</summary>
public sealed record SkillClaim(int Skill, int Level = 2);

/// <summary>A language with an ISO 639 code and a CEFR level.</summary>
public sealed record LanguageSkill(string Code, CefrLevel Level);

/// <summary>A place: coordinates when known, and a normalised place name (city) for same-place matching.</summary>
public sealed record GeoPlace(double? Latitude, double? Longitude, string? Name)
{
    public static readonly GeoPlace Unknown = new(null, null, null);

    public bool HasCoordinates => Latitude is not null && Longitude is not null;

    /// <summary>The name folded for comparison ("Salé" and "sale " are the same place); null when absent.</summary>
    public string? Key => Name is { Length: > 0 } n ? TextTokens.Fold(n).Trim() is { Length: > 0 } k ? k : null : null;

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
    public IReadOnlyList<int> EssentialSkills { get; init; } = [];
    public IReadOnlyList<int> OptionalSkills { get; init; } = [];
    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];
    public GeoPlace Location { get; init; } = GeoPlace.Unknown;
    public DateOnly? StartDate { get; init; }
    public IscedLevel? EducationMin { get; init; }
    public int Positions { get; init; } = 1;
}
