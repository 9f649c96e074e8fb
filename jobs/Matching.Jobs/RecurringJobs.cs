using Hangfire;

namespace Matching.Jobs;

/// <summary>
/// The one list of every recurring job: id, cron (Africa/Casablanca time) and what it runs.
/// Registered at start by <see cref="RecurringJobsRegistrar"/>; later features add their rows here.
/// </summary>
public static class RecurringJobs
{
    public static readonly TimeZoneInfo MoroccoTime = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    public static void Register(IRecurringJobManager jobs)
    {
        var options = new RecurringJobOptions { TimeZone = MoroccoTime };
        jobs.AddOrUpdate<CloseExpiredVacanciesJob>(CloseExpiredVacanciesJob.Id, j => j.RunAsync(CancellationToken.None), "30 0 * * *", options);
    }

    /// <summary>Ids of the jobs <see cref="Register"/> declares, for the Admin page and tests.</summary>
    public static IReadOnlyList<string> Ids { get; } = [CloseExpiredVacanciesJob.Id];
}
