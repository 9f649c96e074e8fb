using Matching.Data;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>The filtered shortlist laid out for paper (print stylesheet): pseudonyms and explanations, no forms.</summary>
public sealed class PrintModel(MatchingDbContext db, SkillLabelCache skillLabels) : EmployerPageModel(db)
{
    [BindProperty(SupportsGet = true)]
    public int VacancyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ShortlistFilters Filters { get; set; } = new();

    public string VacancyTitle { get; private set; } = "";
    public Shortlist Shortlist { get; private set; } = new(null, 0, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShortlistQuery.LoadAsync(Db, skillLabels, OwnVacancies, VacancyId, Filters, ct) is not { } shortlist) return NotFound();
        VacancyTitle = shortlist.VacancyTitle;
        Shortlist = shortlist;
        return Page();
    }
}
