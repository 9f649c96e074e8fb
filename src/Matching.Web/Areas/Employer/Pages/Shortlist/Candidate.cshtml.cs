using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>
/// One shortlisted candidate for one vacancy: explanation, decision history, contact request and — only when the
/// candidate consented to share it with this employer — name and contact. Every such reveal is audited.
/// </summary>
public sealed class CandidateModel(MatchingDbContext db, SkillLabelCache skillLabels) : EmployerPageModel(db)
{
    public const string RevealAction = "reveal-identity";

    public sealed record HistoryRow(DecisionStep Step, RejectionReason? Reason, DateTimeOffset DecidedAt);

    [BindProperty(SupportsGet = true)]
    public int VacancyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CandidateId { get; set; }

    public string VacancyTitle { get; private set; } = "";
    public ShortlistCard Card { get; private set; } = null!;
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public DateTimeOffset? ContactRequestedAt { get; private set; }
    public CandidateIdentity? Identity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var employerId = await EmployerIdAsync(ct);
        if (employerId is null
            || await ShortlistQuery.LoadAsync(Db, skillLabels, OwnVacancies, VacancyId, new ShortlistFilters(), ct) is not { } shortlist
            || shortlist.Cards.FirstOrDefault(c => c.CandidateId == CandidateId) is not { } card) return NotFound();
        VacancyTitle = shortlist.VacancyTitle;
        Card = card;
        History = await Db.Decisions.AsNoTracking().Where(d => d.VacancyId == VacancyId && d.CandidateId == CandidateId)
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
            .Select(d => new HistoryRow(d.Step, d.Reason, d.DecidedAt)).ToListAsync(ct);
        ContactRequestedAt = await Db.ContactRequests.Where(r => r.VacancyId == VacancyId && r.CandidateId == CandidateId)
            .Select(r => (DateTimeOffset?)r.RequestedAt).SingleOrDefaultAsync(ct);

        // The consent gate: identity only with an active consent naming this employer, and only after asking to meet.
        var consented = await Db.Consents.AnyAsync(c => c.CandidateId == CandidateId && c.EmployerId == employerId
            && c.Purpose == ConsentPurpose.ShareIdentityWithEmployer && c.RevokedAt == null, ct);
        if (consented && ContactRequestedAt is not null)
        {
            Identity = await Db.CandidateIdentities.AsNoTracking().SingleOrDefaultAsync(i => i.CandidateId == CandidateId, ct);
            if (Identity is not null)
            {
                Db.AuditLog.Add(new AuditEntry
                {
                    At = DateTimeOffset.UtcNow, UserId = UserId, Action = RevealAction,
                    EntityType = nameof(CandidateIdentity), EntityId = CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Details = $"employer={employerId};vacancy={VacancyId}",
                });
                await Db.SaveChangesAsync(ct);
            }
        }
        return Page();
    }
}
