using System.Globalization;
using System.Text.Json;
using Matching.Core.Domain;
using Matching.Core.Reference;

namespace Matching.Core.Engine.Interchange;

/// <summary>A bad line of an interchange file: the message names the file and the line number.</summary>
public sealed class InterchangeFormatException(string file, int line, string problem)
    : Exception($"{Path.GetFileName(file)} line {line}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>
/// Reads the JSON Lines interchange format of issue #4 (UTF-8, one object per line, unknown fields ignored) into
/// engine profiles, linking free-text titles and skills with an <see cref="IConceptLinker"/>. The whole file is read
/// before anything is returned, so a bad line means no partial result.
/// </summary>
public sealed class InterchangeReader(TaxonomyGraph graph, IConceptLinker linker, DateOnly referenceDate, IReadOnlyDictionary<string, GeoPlace>? gazetteer = null)
{
    /// <summary>Titles linked below this confidence keep only their words (title similarity), not an occupation.</summary>
    public double MinimumLinkConfidence { get; init; } = 0.4;

    private readonly Dictionary<string, IReadOnlyList<ConceptMatch>> _occupationCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ConceptMatch>> _skillCache = new(StringComparer.Ordinal);

    /// <summary>Moroccan cities of the shipped gazetteer by folded name, to place profiles that give a city but no coordinates.</summary>
    public static IReadOnlyDictionary<string, GeoPlace> MoroccanCities()
    {
        var cities = new Dictionary<string, GeoPlace>(StringComparer.Ordinal);
        foreach (var c in MoroccoGeography.Load().Cities)
            cities.TryAdd(TextTokens.Fold(c.Name).Trim(), new GeoPlace(c.Latitude, c.Longitude, c.Name));
        return cities;
    }

    public List<CandidateProfile> ReadCandidates(string path) => ReadLines(path, CandidateFrom);

    public List<VacancyProfile> ReadVacancies(string path) => ReadLines(path, VacancyFrom);

    public static List<GradedDecision> ReadDecisions(string path) => ReadLines(path, DecisionFrom);

    private static List<T> ReadLines<T>(string path, Func<JsonElement, T> read)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"{path} does not exist.", path);
        var result = new List<T>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in System.IO.File.ReadLines(path, System.Text.Encoding.UTF8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object.");
                var item = read(doc.RootElement);
                if (doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !ids.Add(id.GetString()!))
                    throw new FormatException($"id \"{id.GetString()}\" appears twice.");
                result.Add(item);
            }
            catch (JsonException e) { throw new InterchangeFormatException(path, number, $"not valid JSON ({e.Message.Split('.')[0]})."); }
            catch (FormatException e) { throw new InterchangeFormatException(path, number, e.Message); }
            catch (InvalidOperationException e) { throw new InterchangeFormatException(path, number, e.Message); }
        }
        return result;
    }

    private CandidateProfile CandidateFrom(JsonElement e)
    {
        var id = RequiredString(e, "id");
        var experiences = new List<ExperienceSpan>();
        var titles = new List<string>();
        foreach (var x in Array(e, "experiences"))
        {
            var title = RequiredString(x, "title", "experiences[].title");
            titles.Add(title);
            var start = Date(x, "start");
            var end = Date(x, "end") ?? referenceDate;
            var years = start is { } s ? Math.Max(0.1, (end.DayNumber - s.DayNumber) / 365.25) : 1.0;
            experiences.Add(new ExperienceSpan(Occupation(title), Math.Round(years, 2), title));
        }
        var desired = new List<int>();
        foreach (var d in Array(e, "desiredOccupations"))
        {
            var text = d.ValueKind == JsonValueKind.String ? d.GetString()! : throw new FormatException("desiredOccupations must hold texts or ESCO URIs.");
            if (!IsUri(text)) titles.Add(text);
            if (Occupation(text) is var o and >= 0) desired.Add(o);
        }
        var skills = new List<SkillClaim>();
        foreach (var s in Array(e, "skills"))
        {
            var (skill, level) = s.ValueKind == JsonValueKind.String
                ? (Skill(s.GetString()!), 2)
                : (Skill(OptionalString(s, "uri") ?? OptionalString(s, "label") ?? throw new FormatException("a skill object needs \"uri\" or \"label\".")), SkillLevel(s));
            if (skill >= 0) skills.Add(new SkillClaim(skill, level));
        }
        var wants = OpportunityKinds.None;
        foreach (var w in Array(e, "wants"))
            wants |= w.GetString() switch
            {
                "job" => OpportunityKinds.Job,
                "internship" => OpportunityKinds.Internship,
                var other => throw new FormatException($"wants must list \"job\" and/or \"internship\", not \"{other}\"."),
            };
        return new CandidateProfile
        {
            Id = id,
            Experiences = experiences,
            DesiredOccupations = desired.Distinct().ToList(),
            Skills = skills.DistinctBy(s => s.Skill).ToList(),
            Languages = Languages(e),
            Titles = titles,
            Education = e.TryGetProperty("education", out var edu) && edu.ValueKind == JsonValueKind.Object ? Isced(edu, "isced") : null,
            Location = Place(e),
            MobilityKm = Number(e, "mobilityKm") is { } km ? (int)Math.Round(km) : 30,
            AvailableFrom = Date(e, "availableFrom"),
            Wants = wants == OpportunityKinds.None ? OpportunityKinds.Job | OpportunityKinds.Internship : wants,
            WorkAuthorisedUntil = Date(e, "workAuthorisedUntil"),
        };
    }

    private VacancyProfile VacancyFrom(JsonElement e)
    {
        var id = RequiredString(e, "id");
        var title = OptionalString(e, "title") ?? "";
        var occupationUri = OptionalString(e, "occupation");
        if (title.Length == 0 && occupationUri is null) throw new FormatException("a vacancy needs a \"title\" or an \"occupation\".");
        var occupation = occupationUri is not null ? Occupation(occupationUri) : Occupation(title);
        if (occupationUri is not null && occupation < 0) throw new FormatException($"occupation \"{occupationUri}\" is not an ESCO v1.1.1 occupation URI.");
        var essential = new List<int>();
        var optional = new List<int>();
        foreach (var s in Array(e, "skills"))
        {
            var (skill, isEssential) = s.ValueKind == JsonValueKind.String
                ? (Skill(s.GetString()!), true)
                : (Skill(OptionalString(s, "uri") ?? OptionalString(s, "label") ?? throw new FormatException("a skill object needs \"uri\" or \"label\".")),
                   !s.TryGetProperty("essential", out var ess) || ess.ValueKind != JsonValueKind.False);
            if (skill >= 0) (isEssential ? essential : optional).Add(skill);
        }
        return new VacancyProfile
        {
            Id = id,
            Kind = OptionalString(e, "kind") switch
            {
                null or "job" => VacancyKind.Job,
                "internship" => VacancyKind.Internship,
                var other => throw new FormatException($"kind must be \"job\" or \"internship\", not \"{other}\"."),
            },
            Title = title,
            Occupation = occupation,
            EssentialSkills = essential,
            OptionalSkills = optional,
            Languages = Languages(e),
            Location = Place(e),
            StartDate = Date(e, "startDate"),
            EducationMin = Isced(e, "educationMin"),
            Positions = Number(e, "positions") is { } p ? Math.Max(1, (int)p) : 1,
        };
    }

    private static GradedDecision DecisionFrom(JsonElement e)
    {
        var grade = e.TryGetProperty("grade", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt32()
            : OptionalString(e, "outcome") switch
            {
                "rejected" => GradedDecision.Rejected,
                "shortlisted" => GradedDecision.Shortlisted,
                "interviewed" => GradedDecision.Interviewed,
                "hired" => GradedDecision.Hired,
                "retained" or "stillEmployedAfterSixMonths" => GradedDecision.StillEmployedAfterSixMonths,
                var other => throw new FormatException($"a decision needs \"grade\" (0–4) or \"outcome\" (rejected, shortlisted, interviewed, hired, retained), not \"{other}\"."),
            };
        if (grade is < 0 or > 4) throw new FormatException($"grade must be 0 to 4, not {grade}.");
        return new GradedDecision(RequiredString(e, "candidateId"), RequiredString(e, "vacancyId"), grade,
            Date(e, "decidedAt") ?? throw new FormatException("missing \"decidedAt\" (YYYY-MM-DD)."));
    }

    private int Occupation(string text)
    {
        if (IsUri(text)) return graph.OccupationByUri.TryGetValue(text.Trim(), out var o) ? o : -1;
        if (!_occupationCache.TryGetValue(text, out var matches)) _occupationCache[text] = matches = linker.LinkOccupation(text, 1);
        return matches.Count > 0 && matches[0].Confidence >= MinimumLinkConfidence && graph.OccupationByUri.TryGetValue(matches[0].Uri, out var id) ? id : -1;
    }

    private int Skill(string text)
    {
        if (IsUri(text)) return graph.SkillByUri.TryGetValue(text.Trim(), out var s) ? s : -1;
        if (!_skillCache.TryGetValue(text, out var matches)) _skillCache[text] = matches = linker.LinkSkill(text, 1);
        return matches.Count > 0 && matches[0].Confidence >= MinimumLinkConfidence && graph.SkillByUri.TryGetValue(matches[0].Uri, out var id) ? id : -1;
    }

    private GeoPlace Place(JsonElement e)
    {
        if (!e.TryGetProperty("location", out var l) || l.ValueKind != JsonValueKind.Object) return GeoPlace.Unknown;
        var name = OptionalString(l, "city") ?? OptionalString(l, "region") ?? OptionalString(l, "country");
        double? lat = Number(l, "lat"), lon = Number(l, "lon");
        if (lat is < -90 or > 90 || lon is < -180 or > 180) throw new FormatException("location lat/lon out of range.");
        if ((lat is null || lon is null) && name is not null && gazetteer is not null && gazetteer.TryGetValue(TextTokens.Fold(name).Trim(), out var known))
            return known with { Name = name };
        return new GeoPlace(lat, lon, name);
    }

    private static List<LanguageSkill> Languages(JsonElement e) =>
        Array(e, "languages").Select(l =>
        {
            var code = RequiredString(l, "code", "languages[].code").Trim().ToLowerInvariant();
            var level = RequiredString(l, "level", "languages[].level").Trim();
            return new LanguageSkill(code, level.Equals("native", StringComparison.OrdinalIgnoreCase) ? CefrLevel.Native
                : Enum.TryParse<CefrLevel>(level, ignoreCase: true, out var cefr) && cefr != CefrLevel.Native ? cefr
                : throw new FormatException($"language level must be A1…C2 or native, not \"{level}\"."));
        }).ToList();

    private static int SkillLevel(JsonElement s) =>
        !s.TryGetProperty("level", out var l) || l.ValueKind == JsonValueKind.Null ? 2
        : l.ValueKind == JsonValueKind.Number ? Math.Clamp(l.GetInt32(), 1, 4)
        : l.GetString()?.ToLowerInvariant() switch { "basic" => 1, "intermediate" => 2, "advanced" => 3, "expert" => 4, _ => 2 };

    private static IscedLevel? Isced(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.GetInt32() is var n and >= 0 and <= 8 ? (IscedLevel)n
        : v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var m) && m is >= 0 and <= 8 ? (IscedLevel)m
        : throw new FormatException($"{name} must be an ISCED level from 0 to 8.");

    private static bool IsUri(string text) => text.TrimStart().StartsWith("http://data.europa.eu/esco/", StringComparison.Ordinal);

    private static List<JsonElement> Array(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var a) || a.ValueKind == JsonValueKind.Null ? []
        : a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList()
        : throw new FormatException($"\"{name}\" must be an array.");

    private static string RequiredString(JsonElement e, string name, string? shownAs = null) =>
        OptionalString(e, name) is { Length: > 0 } s ? s : throw new FormatException($"missing \"{shownAs ?? name}\" (a non-empty string).");

    private static string? OptionalString(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : throw new FormatException($"\"{name}\" must be a string.");

    private static double? Number(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), CultureInfo.InvariantCulture, out var d) ? d
        : throw new FormatException($"\"{name}\" must be a number.");

    private static DateOnly? Date(JsonElement e, string name)
    {
        if (OptionalString(e, name) is not { Length: > 0 } text) return null;
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.fffZ"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var dt) ? DateOnly.FromDateTime(dt)
            : throw new FormatException($"\"{name}\" must be a date (YYYY-MM-DD), not \"{text}\".");
    }
}
