using Matching.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>The filtered shortlist laid out for paper (print stylesheet): pseudonyms and explanations, no forms.</summary>
public sealed class PrintModel(MatchingDbContext db) : EmployerPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public int VacancyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ShortlistFilters Filters { get; set; } = new();

    public string VacancyTitle { get; private set; } = "";
    public Shortlist Shortlist { get; private set; } = new(null, 0, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var employerId = await EmployerIdAsync(ct);
        var title = await (await OwnVacanciesAsync(ct)).Where(v => v.Id == VacancyId).Select(v => v.Title).SingleOrDefaultAsync(ct);
        if (employerId is null || title is null) return NotFound();
        VacancyTitle = title;
        Shortlist = await ShortlistQuery.LoadAsync(Db, VacancyId, employerId.Value, Filters, ct);
        return Page();
    }
}
