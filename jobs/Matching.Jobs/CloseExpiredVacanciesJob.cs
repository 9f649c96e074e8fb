using Matching.Core.Domain;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Matching.Jobs;

/// <summary>Closes open vacancies whose closing date has passed (Morocco's calendar day). Re-entrant: a second run changes nothing.</summary>
public sealed class CloseExpiredVacanciesJob(MatchingDbContext db, TimeProvider clock, ILogger<CloseExpiredVacanciesJob> logger)
{
    public const string Id = "close-expired-vacancies";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = RecurringJobs.MoroccoToday(clock);
        var closed = await db.Vacancies
            .Where(v => v.Status == VacancyStatus.Open && v.ClosesOn != null && v.ClosesOn < today)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VacancyStatus.Closed), ct);
        logger.LogInformation("Closed {Count} expired vacancies (today {Today})", closed, today);
        return closed;
    }
}
