using System.Globalization;
using System.Text;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>The filtered shortlist as CSV: pseudonyms and explanation only, UTF-8 with a BOM so that Excel reads accents and Arabic.</summary>
public sealed class ExportModel(MatchingDbContext db, SkillLabelCache skillLabels, IStringLocalizer<SharedResource> t) : EmployerPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public int VacancyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ShortlistFilters Filters { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShortlistQuery.LoadAsync(Db, skillLabels, OwnVacancies, VacancyId, Filters, ct) is not { } shortlist) return NotFound();

        var csv = new StringBuilder();
        Row(csv, [
            t["Export.Rank"], t["Candidate.PseudonymColumn"], t["Export.Score"], t["Explain.Coverage"], t["Explain.Matched"],
            t["Explain.Missing"], t["Explain.Transferable"], t["Vacancy.Languages"], t["Explain.Distance"], t["Explain.Available"],
            t["Shortlist.Step"], t["Shortlist.Reason"], t["Export.Run"],
        ]);
        foreach (var card in shortlist.Cards)
        {
            Row(csv, [
                card.Rank.ToString(CultureInfo.InvariantCulture),
                t["Candidate.Pseudonym", card.PublicNumber],
                card.Score.ToString("0.####", CultureInfo.InvariantCulture),
                card.Coverage is { } coverage ? Math.Round(coverage * 100).ToString(CultureInfo.InvariantCulture) + "%" : "",
                string.Join("; ", card.MatchedEssential),
                string.Join("; ", card.MissingEssential),
                string.Join("; ", card.Transferable),
                string.Join("; ", card.Languages.Select(l => $"{l.Code} {l.Actual?.ToString() ?? "-"}/{l.Required?.ToString() ?? "-"}")),
                card.DistanceKm is { } km ? Math.Round(km).ToString(CultureInfo.InvariantCulture) : "",
                card.AvailableFrom is { } from ? Display.Date(from) : "",
                card.Step is { } step ? t.Enum(step) : "",
                card.Reason is { } reason ? t.Enum(reason) : "",
                shortlist.Run?.Id.ToString(CultureInfo.InvariantCulture) ?? "",
            ]);
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"shortlist-{VacancyId}.csv");
    }

    /// <summary>RFC 4180 row; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula.</summary>
    private static void Row(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(field =>
        {
            if (field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal)) field = "'" + field;
            return field.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
        }));
        csv.Append("\r\n");
    }
}
