using Matching.Core.Domain;
using Matching.Data;
using Matching.Data.Identity;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages;

/// <summary>The signed-in HR user's organisation and its vacancies and internships — never another employer's.</summary>
public sealed class IndexModel(MatchingDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record Organisation(string Name, string Sector, CsrLabelStatus CsrLabel);

    public sealed record VacancyRow(
        int Id, string Title, VacancyKind Kind, string? OccupationEn, string? OccupationFr, string? OccupationAr,
        string? City, string? CityAr, int Positions, VacancyStatus Status, DateOnly? ClosesOn);

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    public Organisation? Employer { get; private set; }
    public PageOf<VacancyRow> Vacancies { get; private set; } = Paging.Empty<VacancyRow>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var employerId = (await users.GetUserAsync(User))?.EmployerId;
        if (employerId is null) return;
        Employer = await db.Employers.Where(e => e.Id == employerId)
            .Select(e => new Organisation(e.Name, e.Sector, e.CsrLabel))
            .SingleOrDefaultAsync(ct);
        Vacancies = await db.Vacancies
            .Where(v => v.EmployerId == employerId)
            .OrderBy(v => v.Status == VacancyStatus.Open ? 0 : 1).ThenBy(v => v.ClosesOn).ThenBy(v => v.Id)
            .Select(v => new VacancyRow(
                v.Id, v.Title, v.Kind, v.Occupation!.LabelEn, v.Occupation.LabelFr, v.Occupation.LabelAr,
                v.City!.Name, v.City.NameAr, v.Positions, v.Status, v.ClosesOn))
            .ToPageAsync(PageNumber, ct);
    }
}
