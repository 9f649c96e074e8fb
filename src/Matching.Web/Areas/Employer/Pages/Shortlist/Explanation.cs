using System.Globalization;
using System.Text.Json;
using Matching.Core.Domain;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>
/// What the engine wrote in <see cref="Match.ExplanationJson"/>, read tolerantly: every field may be missing, skills may
/// be ESCO URIs, numeric ids or objects with "uri"/"id"/"label". Shape agreed with the engine:
/// <c>{"matchedEssential":[..],"missingEssential":[..],"transferable":[..],"languages":[{"code","required","actual","ok"}],
/// "distanceKm":n,"availableFrom":"yyyy-mm-dd","coverage":0..1,"contributions":[{"feature","value"}]}</c>.
/// </summary>
public sealed record Explanation(
    IReadOnlyList<SkillRef> MatchedEssential,
    IReadOnlyList<SkillRef> MissingEssential,
    IReadOnlyList<SkillRef> Transferable,
    IReadOnlyList<LanguageCheck> Languages,
    double? DistanceKm,
    DateOnly? AvailableFrom,
    double? Coverage,
    IReadOnlyList<Contribution> Contributions)
{
    public static readonly Explanation Empty = new([], [], [], [], null, null, null, []);

    /// <summary>Share of essential skills held, from the engine when given, else from matched / (matched + missing).</summary>
    public double? EssentialCoverage => Coverage ?? (MatchedEssential.Count + MissingEssential.Count) switch
    {
        0 => null,
        var all => (double)MatchedEssential.Count / all,
    };

    public IEnumerable<SkillRef> AllSkills => MatchedEssential.Concat(MissingEssential).Concat(Transferable);

    public static Explanation Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return Empty;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Empty;
            return new Explanation(
                Skills(root, "matchedEssential"), Skills(root, "missingEssential"), Skills(root, "transferable"),
                Array(root, "languages").Select(Language).OfType<LanguageCheck>().ToList(),
                Number(root, "distanceKm"),
                root.TryGetProperty("availableFrom", out var from) && from.ValueKind == JsonValueKind.String
                    && DateOnly.TryParse(from.GetString(), CultureInfo.InvariantCulture, out var date) ? date : null,
                Number(root, "coverage") is { } coverage and >= 0 and <= 1 ? coverage : null,
                Array(root, "contributions").Select(Contribution).OfType<Contribution>().ToList());
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static List<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static List<SkillRef> Skills(JsonElement root, string name) => Array(root, name).Select(e => e.ValueKind switch
    {
        JsonValueKind.String => new SkillRef(e.GetString(), null, null),
        JsonValueKind.Number when e.TryGetInt32(out var id) => new SkillRef(null, id, null),
        JsonValueKind.Object => new SkillRef(Text(e, "uri"), Number(e, "id") is { } id ? (int)id : null, Text(e, "label")),
        _ => null,
    }).OfType<SkillRef>().Where(s => s.Uri is not null || s.Id is not null || s.Label is not null).ToList();

    private static LanguageCheck? Language(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || Text(e, "code") is not { Length: > 0 } code) return null;
        var ok = e.TryGetProperty("ok", out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : (bool?)null;
        return new LanguageCheck(code, Level(e, "required"), Level(e, "actual"), ok);
    }

    /// <summary>CEFR level as "B1", as the enum number, or absent.</summary>
    private static CefrLevel? Level(JsonElement e, string name) => Text(e, name) is { } text
        && Enum.TryParse<CefrLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) ? level : null;

    private static Contribution? Contribution(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && Text(e, "feature") is { } feature && Number(e, "value") is { } value
            ? new Contribution(feature, value)
            : null;
}

public sealed record SkillRef(string? Uri, int? Id, string? Label);

public sealed record LanguageCheck(string Code, CefrLevel? Required, CefrLevel? Actual, bool? Ok);

public sealed record Contribution(string Feature, double Value);
