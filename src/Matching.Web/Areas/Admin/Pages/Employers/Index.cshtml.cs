using System.Globalization;
using System.Security.Claims;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Admin.Pages.Employers;

/// <summary>Admins check declared CSR labels: only a verified label shows as "Label RSE vérifié". Each change is audited.</summary>
public sealed class IndexModel(MatchingDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(int Id, string Name, string Sector, CsrLabelStatus Label, DateOnly? LabelDate);

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    public PageOf<Row> Employers { get; private set; } = Paging.Empty<Row>();

    public async Task OnGetAsync(CancellationToken ct) =>
        // Labels waiting for a check come first.
        Employers = await db.Employers.AsNoTracking()
            .OrderBy(e => e.CsrLabel == CsrLabelStatus.Labelled ? 0 : 1).ThenBy(e => e.Name).ThenBy(e => e.Id)
            .Select(e => new Row(e.Id, e.Name, e.Sector, e.CsrLabel, e.CsrLabelDate))
            .ToPageAsync(PageNumber, ct);

    public Task<IActionResult> OnPostVerifyAsync(int id, CancellationToken ct) => SetAsync(id, CsrLabelStatus.Verified, "AdminEmployers.Verified", ct);

    public Task<IActionResult> OnPostUnverifyAsync(int id, CancellationToken ct) => SetAsync(id, CsrLabelStatus.Labelled, "AdminEmployers.Unverified", ct);

    private async Task<IActionResult> SetAsync(int id, CsrLabelStatus status, string message, CancellationToken ct)
    {
        var employer = await db.Employers.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (employer is null) return NotFound();
        var before = employer.CsrLabel;
        employer.CsrLabel = status;
        employer.CsrLabelDate ??= DateOnly.FromDateTime(DateTime.UtcNow);
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, UserId = User.FindFirstValue(ClaimTypes.NameIdentifier), Action = "csr-label",
            EntityType = nameof(Employer), EntityId = id.ToString(CultureInfo.InvariantCulture), Details = $"{before}->{status}",
        });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = t[message, employer.Name].Value;
        return RedirectToPage(new Dictionary<string, string> { [Paging.Parameter] = PageNumber.ToString(CultureInfo.InvariantCulture) });
    }
}
