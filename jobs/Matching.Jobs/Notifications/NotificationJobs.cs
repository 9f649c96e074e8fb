using Matching.Core.Domain;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Matching.Jobs.Notifications;

/// <summary>
/// Sends what the outbox holds, one row at a time: the row is locked (SKIP LOCKED lets two workers share the work),
/// sent, and marked sent in the same transaction, so a sent row is never picked again.
/// </summary>
public sealed class OutboxSenderJob(MatchingDbContext db, INotificationSender sender, TimeProvider clock, ILogger<OutboxSenderJob> logger)
{
    public const string Id = "send-notifications";
    private const int MaxAttempts = 8;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var sent = 0;
        for (var i = 0; i < 500; i++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var next = await db.Notifications
                .FromSql($"select * from notifications where sent_at is null and attempts < {MaxAttempts} order by id limit 1 for update skip locked")
                .AsTracking().FirstOrDefaultAsync(ct);
            if (next is null) break;
            next.Attempts++;
            try
            {
                await sender.SendAsync(next, ct);
                next.SentAt = clock.GetUtcNow();
                next.LastError = null;
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                next.LastError = e.GetBaseException().Message;
                logger.LogWarning("Notification {Id} to {Recipient} not sent: {Error}", next.Id, next.Recipient, next.LastError);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        if (sent > 0) logger.LogInformation("Sent {Count} notifications", sent);
        return sent;
    }
}

/// <summary>Tells each adviser, once per document, that a candidate's residence document expires within 60 days.</summary>
public sealed class DocumentExpiryAlertsJob(MatchingDbContext db, TimeProvider clock, ILogger<DocumentExpiryAlertsJob> logger)
{
    public const string Id = "document-expiry-alerts";
    public const int WithinDays = 60;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = RecurringJobs.MoroccoToday(clock);
        var expiring = await db.Candidates
            .Where(c => c.IsActive && c.AdviserId != null && c.DocumentExpiresOn != null
                        && c.DocumentExpiresOn >= today && c.DocumentExpiresOn <= today.AddDays(WithinDays))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.PublicNumber, c.AdviserId, ExpiresOn = c.DocumentExpiresOn!.Value })
            .ToListAsync(ct);
        var added = 0;
        foreach (var c in expiring)
        {
            var date = c.ExpiresOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
            if (await Outbox.AddAsync(db, $"adviser:{c.AdviserId}", $"document-expiry:{c.Id}:{c.ExpiresOn:yyyy-MM-dd}",
                    $"Titre de séjour : Candidat·e #{c.PublicNumber} — expiration le {date}",
                    $"Le document de séjour de Candidat·e #{c.PublicNumber} expire le {date} (dans {c.ExpiresOn.DayNumber - today.DayNumber} jours). Prévoyez le renouvellement avec la personne.",
                    clock.GetUtcNow(), ct))
                added++;
        }
        logger.LogInformation("Document expiry: {Expiring} expiring within {Days} days, {Added} new alerts", expiring.Count, WithinDays, added);
        return added;
    }
}

/// <summary>Reminds a mentor, once per quiet spell, of a mentee with no logbook entry in 30 days.</summary>
public sealed class MentorCheckInRemindersJob(MatchingDbContext db, TimeProvider clock, ILogger<MentorCheckInRemindersJob> logger)
{
    public const string Id = "mentor-check-in-reminders";
    public const int QuietDays = 30;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = RecurringJobs.MoroccoToday(clock);
        var since = today.AddDays(-QuietDays);
        var quiet = await db.Mentorships
            .Where(m => m.EndedOn == null && m.StartedOn <= since && !m.Entries.Any(e => e.Date > since))
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.MentorId, m.Candidate!.PublicNumber, Last = m.Entries.Max(e => (DateOnly?)e.Date) ?? m.StartedOn })
            .ToListAsync(ct);
        var added = 0;
        foreach (var m in quiet)
        {
            // Keyed by the last entry: one reminder per quiet spell, a new one only after a new entry and a new silence.
            if (await Outbox.AddAsync(db, $"mentor:{m.MentorId}", $"mentor-check-in:{m.Id}:{m.Last:yyyy-MM-dd}",
                    $"Carnet de bord : nouvelles de Candidat·e #{m.PublicNumber} ?",
                    $"Aucune entrée dans le carnet de bord de Candidat·e #{m.PublicNumber} depuis le {m.Last:dd/MM/yyyy}. Un point rapide ?",
                    clock.GetUtcNow(), ct))
                added++;
        }
        logger.LogInformation("Mentor check-ins: {Quiet} quiet mentorships, {Added} new reminders", quiet.Count, added);
        return added;
    }
}

/// <summary>
/// The employers' morning summary, enqueued when a run is published: every user of an organisation whose open
/// vacancies gained candidates that the previous published run did not list gets one message for the run. Keyed by
/// run, so a retried job or a second publish call adds nothing.
/// </summary>
public sealed class EmployerMorningSummaryJob(MatchingDbContext db, TimeProvider clock, ILogger<EmployerMorningSummaryJob> logger)
{
    public static string EventKey(int runId) => $"morning-summary:{runId}";

    public async Task<int> RunAsync(int runId, CancellationToken ct)
    {
        var previous = await db.MatchRuns.Where(r => r.Id < runId && r.Status == MatchRunStatus.Published).MaxAsync(r => (int?)r.Id, ct) ?? 0;
        var fresh = await db.Matches
            .Where(m => m.RunId == runId && m.Vacancy!.Status == VacancyStatus.Open
                        && !db.Matches.Any(p => p.RunId == previous && p.VacancyId == m.VacancyId && p.CandidateId == m.CandidateId))
            .GroupBy(m => new { m.VacancyId, m.Vacancy!.Title, m.Vacancy.EmployerId })
            .Select(g => new { g.Key.VacancyId, g.Key.Title, g.Key.EmployerId, Count = g.Count() })
            .OrderBy(v => v.VacancyId)
            .ToListAsync(ct);
        var employerIds = fresh.Select(v => v.EmployerId).Distinct().ToList();
        var users = await db.Users.Where(u => u.EmployerId != null && employerIds.Contains(u.EmployerId.Value))
            .OrderBy(u => u.Id).Select(u => new { u.Id, EmployerId = u.EmployerId!.Value }).ToListAsync(ct);
        var added = 0;
        foreach (var user in users)
        {
            var vacancies = fresh.Where(v => v.EmployerId == user.EmployerId).ToList();
            var total = vacancies.Sum(v => v.Count);
            var lines = vacancies.Select(v => $"- {v.Title} : {v.Count} nouveau(x) profil(s) — /Employer/Shortlist/{v.VacancyId}");
            if (await Outbox.AddAsync(db, $"user:{user.Id}", EventKey(runId),
                    $"Nouveaux candidat·e·s : {total} sur {vacancies.Count} offre(s) ouverte(s)",
                    $"Bonjour,\n\nLa mise en relation de cette nuit a trouvé de nouveaux profils pseudonymisés pour vos offres :\n{string.Join('\n', lines)}\n\nOuvrez la présélection pour les examiner.",
                    clock.GetUtcNow(), ct))
                added++;
        }
        logger.LogInformation("Run {Run}: {Vacancies} open vacancies with new candidates, {Added} employer summaries queued", runId, fresh.Count, added);
        return added;
    }
}
