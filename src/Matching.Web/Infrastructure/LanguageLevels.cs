using Matching.Core.Domain;

namespace Matching.Web.Infrastructure;

/// <summary>One language of a form's language grid and the CEFR level chosen for it (none: not required / not spoken).</summary>
public sealed class LanguageLevelInput
{
    public string Code { get; set; } = "";
    public CefrLevel? Level { get; set; }
}

/// <summary>The language grid shared by the vacancy and profile forms.</summary>
public static class LanguageLevels
{
    /// <summary>Languages offered: French, Arabic, Darija, Tamazight, English, Spanish.</summary>
    public static readonly string[] Codes = ["fr", "ar", "ary", "zgh", "en", "es"];

    /// <summary>One row per offered language, in the order of <see cref="Codes"/>, keeping the levels already chosen.</summary>
    public static List<LanguageLevelInput> Rows(IReadOnlyCollection<LanguageLevelInput> chosen) =>
        Codes.Select(code => chosen.FirstOrDefault(l => l.Code == code) ?? new LanguageLevelInput { Code = code }).ToList();

    /// <summary>The chosen levels of offered languages, one per language.</summary>
    public static IEnumerable<(string Code, CefrLevel Level)> Chosen(IEnumerable<LanguageLevelInput> rows) =>
        rows.Where(l => l.Level is not null && Codes.Contains(l.Code)).DistinctBy(l => l.Code).Select(l => (l.Code, l.Level!.Value));
}
