using System.Security.Claims;
using Matching.Core.Domain;
using Matching.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer;

/// <summary>
/// Base of every Employer page: what the signed-in user's organisation owns. Each handler starts from
/// <see cref="OwnVacancies"/> (or checks <see cref="EmployerIdAsync"/>) so that another organisation's rows
/// answer 404, never 403 — the portal does not confirm that they exist.
/// </summary>
public abstract class EmployerPageModel(MatchingDbContext db) : PageModel
{
    private int? employerId;
    private bool loaded;

    protected MatchingDbContext Db { get; } = db;

    protected string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The signed-in user's employer, or null when the account is not linked to one.</summary>
    protected async Task<int?> EmployerIdAsync(CancellationToken ct)
    {
        if (loaded) return employerId;
        var userId = UserId;
        employerId = userId is null ? null : await Db.Users.Where(u => u.Id == userId).Select(u => u.EmployerId).SingleOrDefaultAsync(ct);
        loaded = true;
        return employerId;
    }

    /// <summary>
    /// The organisation's vacancies as one query (the user's organisation is a subquery, not a round trip of its
    /// own); empty when the user has no organisation.
    /// </summary>
    protected IQueryable<Vacancy> OwnVacancies
    {
        get
        {
            var userId = UserId;
            return Db.Vacancies.Where(v => Db.Users.Any(u => u.Id == userId && u.EmployerId == v.EmployerId));
        }
    }

    /// <summary>The organisation's vacancies only; empty when the user has no organisation.</summary>
    protected async Task<IQueryable<Vacancy>> OwnVacanciesAsync(CancellationToken ct)
    {
        var id = await EmployerIdAsync(ct);
        return id is { } own ? Db.Vacancies.Where(v => v.EmployerId == own) : Db.Vacancies.Where(_ => false);
    }

    /// <summary>True when the vacancy exists and belongs to the signed-in user's organisation.</summary>
    protected async Task<bool> OwnsVacancyAsync(int vacancyId, CancellationToken ct) =>
        await (await OwnVacanciesAsync(ct)).AnyAsync(v => v.Id == vacancyId, ct);
}
