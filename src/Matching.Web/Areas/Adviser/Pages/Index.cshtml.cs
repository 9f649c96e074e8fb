using System.Text.Json;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Data.Identity;
using Matching.Jobs;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Adviser.Pages;

/// <summary>
/// The adviser's own caseload, with names: advisers may read identities, and every page that shows them leaves an
/// audit row (law 09-08).
/// </summary>
public sealed class IndexModel(MatchingDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public const string AuditAction = "read-identity";

    /// <summary>Residence documents expiring within this many days are flagged.</summary>
    public const int ExpiryWarningDays = 30;

    public sealed record LanguageLevel(string Code, CefrLevel Level);

    public sealed record CandidateRow(
        int Id, int PublicNumber, string? FirstName, string? LastName, MigrationStatus Status,
        string? City, string? CityAr, List<LanguageLevel> Languages, DateOnly? DocumentExpiresOn);

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    /// <summary>Part of a name, or a public number ("4821").</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    public bool HasCaseload { get; private set; }
    public PageOf<CandidateRow> Candidates { get; private set; } = Paging.Empty<CandidateRow>();
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = RecurringJobs.MoroccoToday(clock);
        var user = await users.GetUserAsync(User);
        if (user?.AdviserId is not { } adviserId) return;
        HasCaseload = true;
        var own = db.Candidates.Where(c => c.AdviserId == adviserId);
        if (Search?.Trim() is { Length: > 0 } search)
        {
            if (int.TryParse(search.TrimStart('#'), System.Globalization.CultureInfo.InvariantCulture, out var number))
                own = own.Where(c => c.PublicNumber == number);
            else
            {
                var pattern = "%" + search.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
                own = own.Where(c => EF.Functions.ILike(c.Identity!.FirstName + " " + c.Identity.LastName, pattern));
            }
        }
        Candidates = await own
            .OrderBy(c => c.PublicNumber)
            .Select(c => new CandidateRow(
                c.Id, c.PublicNumber, c.Identity!.FirstName, c.Identity.LastName, c.Status, c.City!.Name, c.City.NameAr,
                c.Languages.OrderByDescending(l => l.Level).ThenBy(l => l.Code).Select(l => new LanguageLevel(l.Code, l.Level)).ToList(),
                c.DocumentExpiresOn))
            .ToPageAsync(PageNumber, ct);

        var identified = Candidates.Items.Where(c => c.FirstName is not null).Select(c => c.Id).ToList();
        if (identified.Count == 0) return;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user.Id,
            Action = AuditAction,
            EntityType = nameof(Candidate),
            Details = JsonSerializer.Serialize(new { count = identified.Count, page = Candidates.Number, candidateIds = identified }),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Resource key of the document warning, or null when the document is valid for a while yet.</summary>
    public string? DocumentWarning(DateOnly? expiresOn) =>
        expiresOn is not { } date ? null
        : date < Today ? "Document.Expired"
        : date <= Today.AddDays(ExpiryWarningDays) ? "Document.ExpiresSoon"
        : null;
}
