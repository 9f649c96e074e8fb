using Hangfire;
using Matching.Jobs.Nightly;
using Matching.Jobs.Notifications;

namespace Matching.Jobs;

/// <summary>
/// The one list of every recurring job: id, cron (Africa/Casablanca time) and what it runs.
/// Registered at start by <see cref="RecurringJobsRegistrar"/>; later features add their rows here.
/// </summary>
public static class RecurringJobs
{
    public static readonly TimeZoneInfo MoroccoTime = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    /// <summary>Today's date in Morocco, the calendar every job reasons in.</summary>
    public static DateOnly MoroccoToday(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), MoroccoTime).DateTime);

    public static void Register(IRecurringJobManager jobs)
    {
        var options = new RecurringJobOptions { TimeZone = MoroccoTime };
        jobs.AddOrUpdate<CloseExpiredVacanciesJob>(CloseExpiredVacanciesJob.Id, j => j.RunAsync(CancellationToken.None), "30 0 * * *", options);
        jobs.AddOrUpdate<NightlyPipeline>(NightlyPipeline.Id, j => j.ScheduledAsync(CancellationToken.None), "0 2 * * *", options);
        jobs.AddOrUpdate<NightlyPipeline>(NightlyPipeline.CheckId, j => j.CheckAsync(CancellationToken.None), "*/5 * * * *", options);
        jobs.AddOrUpdate<RetrainRankerJob>(RetrainRankerJob.Id, j => j.RunAsync(CancellationToken.None), "0 4 * * 0", options);
        jobs.AddOrUpdate<DocumentExpiryAlertsJob>(DocumentExpiryAlertsJob.Id, j => j.RunAsync(CancellationToken.None), "0 7 * * *", options);
        jobs.AddOrUpdate<MentorCheckInRemindersJob>(MentorCheckInRemindersJob.Id, j => j.RunAsync(CancellationToken.None), "0 8 * * 1", options);
        jobs.AddOrUpdate<OutboxSenderJob>(OutboxSenderJob.Id, j => j.RunAsync(CancellationToken.None), "*/2 * * * *", options);
    }

    /// <summary>Ids of the jobs <see cref="Register"/> declares, for the Admin page and tests.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        CloseExpiredVacanciesJob.Id, NightlyPipeline.Id, NightlyPipeline.CheckId, RetrainRankerJob.Id,
        DocumentExpiryAlertsJob.Id, MentorCheckInRemindersJob.Id, OutboxSenderJob.Id,
    ];
}
