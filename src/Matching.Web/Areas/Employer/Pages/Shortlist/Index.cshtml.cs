using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>
/// A vacancy's ranked, pseudonymised shortlist with explanations, filters, pipeline decisions (one or many at once)
/// and contact requests. Each decision is a new <see cref="Decision"/> row: the ranker's training data.
/// </summary>
public sealed class IndexModel(MatchingDbContext db, SkillLabelCache skillLabels, IStringLocalizer<SharedResource> t) : EmployerPageModel(db)
{
    public static readonly DecisionStep[] PipelineSteps =
        [DecisionStep.Shortlisted, DecisionStep.InterviewRequested, DecisionStep.Interviewed, DecisionStep.Hired, DecisionStep.Rejected];

    [BindProperty(SupportsGet = true)]
    public int VacancyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ShortlistFilters Filters { get; set; } = new();

    public string VacancyTitle { get; private set; } = "";
    public static IReadOnlyList<string> LanguageOptions => Vacancies.EditModel.LanguageCodes;
    public Shortlist Shortlist { get; private set; } = new(null, 0, []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ShortlistQuery.LoadAsync(Db, skillLabels, OwnVacancies, VacancyId, Filters, ct) is not { } shortlist) return NotFound();
        VacancyTitle = shortlist.VacancyTitle;
        Shortlist = shortlist;
        return Page();
    }

    /// <summary>Records one pipeline step for each selected candidate; a rejection needs a reason from the list.</summary>
    /// <remarks>The form field is "decision", not "step", which would also bind to the <see cref="ShortlistFilters.Step"/> filter.</remarks>
    public async Task<IActionResult> OnPostDecideAsync(int[] selected, DecisionStep? decision, RejectionReason? reason, CancellationToken ct)
    {
        if (!await OwnsVacancyAsync(VacancyId, ct)) return NotFound();
        var candidates = selected.Distinct().ToList();
        if (candidates.Count == 0) return Back(t["Shortlist.Error.NoneSelected"]);
        if (decision is not { } chosen || !PipelineSteps.Contains(chosen)) return Back(t["Shortlist.Error.Step"]);
        if (chosen == DecisionStep.Rejected && (reason is not { } why || !Enum.IsDefined(why))) return Back(t["Shortlist.Error.Reason"]);
        // Only candidates the engine put on this vacancy's shortlist can be decided on.
        var onShortlist = await Db.Matches.Where(m => m.VacancyId == VacancyId && candidates.Contains(m.CandidateId))
            .Select(m => m.CandidateId).Distinct().CountAsync(ct);
        if (onShortlist != candidates.Count) return NotFound();

        var run = await ShortlistQuery.LatestRunAsync(Db, VacancyId, ct);
        var now = DateTimeOffset.UtcNow;
        Db.Decisions.AddRange(candidates.Select(candidateId => new Decision
        {
            CandidateId = candidateId, VacancyId = VacancyId, RunId = run?.Id, Step = chosen,
            Reason = chosen == DecisionStep.Rejected ? reason : null, DecidedAt = now, DecidedByUserId = UserId,
        }));
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Shortlist.Recorded", candidates.Count, t.Enum(chosen)].Value;
        return RedirectToPage(Filters.RouteValues(VacancyId));
    }

    /// <summary>Asks to meet a candidate: one request per (vacancy, candidate) and one outbox message to the adviser.</summary>
    public async Task<IActionResult> OnPostContactAsync(int candidateId, CancellationToken ct)
    {
        var employerId = await EmployerIdAsync(ct);
        var vacancy = await (await OwnVacanciesAsync(ct)).Where(v => v.Id == VacancyId)
            .Select(v => new { v.Title, Employer = v.Employer!.Name }).SingleOrDefaultAsync(ct);
        if (employerId is null || vacancy is null) return NotFound();
        var candidate = await Db.Matches.Where(m => m.VacancyId == VacancyId && m.CandidateId == candidateId)
            .Select(m => new { m.Candidate!.PublicNumber, m.Candidate.AdviserId }).FirstOrDefaultAsync(ct);
        if (candidate is null) return NotFound();

        if (!await Db.ContactRequests.AnyAsync(r => r.VacancyId == VacancyId && r.CandidateId == candidateId, ct))
        {
            var now = DateTimeOffset.UtcNow;
            Db.ContactRequests.Add(new ContactRequest
            {
                EmployerId = employerId.Value, VacancyId = VacancyId, CandidateId = candidateId,
                RequestedByUserId = UserId, RequestedAt = now,
            });
            Db.Notifications.Add(new Notification
            {
                Recipient = candidate.AdviserId is { } adviserId ? $"adviser:{adviserId}" : "advisers:unassigned",
                EventKey = $"contact-request:{VacancyId}:{candidateId}",
                Subject = t["Contact.NotificationSubject", candidate.PublicNumber].Value,
                Body = t["Contact.NotificationBody", vacancy.Employer, vacancy.Title, candidate.PublicNumber].Value,
                CreatedAt = now,
            });
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A double click raced this one: the unique keys kept a single request and a single message.
            }
        }
        TempData["Flash"] = t["Contact.Requested", candidate.PublicNumber].Value;
        return RedirectToPage(Filters.RouteValues(VacancyId));
    }

    private RedirectToPageResult Back(string error)
    {
        TempData["Error"] = error;
        return RedirectToPage(Filters.RouteValues(VacancyId));
    }
}
