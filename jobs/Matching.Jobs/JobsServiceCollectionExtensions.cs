using Hangfire;
using Hangfire.PostgreSql;
using Matching.Data;
using Matching.Jobs.Nightly;
using Matching.Jobs.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Matching.Jobs;

public sealed class JobsOptions
{
    /// <summary>Run a Hangfire server in this process (the web host's in-process server or the standalone worker).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);
    /// <summary>Register the recurring jobs of <see cref="RecurringJobs"/> at start.</summary>
    public bool RegisterRecurringJobs { get; set; } = true;
    /// <summary>
    /// How long a fetched job stays invisible to other servers. Sliding: a live server keeps extending it, so only
    /// the jobs of a dead server (SIGKILL, power cut) come back, after this long.
    /// </summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 300;
    public int QueuePollIntervalSeconds { get; set; } = 5;
    /// <summary>
    /// How old a Hangfire lock must be before another server may break it. PostgreSQL storage keeps locks as rows, so a
    /// server killed while holding one (e.g. a job's state lock between fetching and running it) leaves the row behind,
    /// and that job waits this long. Hangfire holds its locks for milliseconds; its default, 10 minutes, is far too long.
    /// </summary>
    public int DistributedLockTimeoutSeconds { get; set; } = 60;
    /// <summary>Open vacancies per nightly chunk: a chunk is one job that should take seconds.</summary>
    public int VacanciesPerChunk { get; set; } = 100;
    public int ShortlistLength { get; set; } = 50;
    public int MaxChunkAttempts { get; set; } = 5;
    /// <summary>
    /// Published runs whose matches are kept (the newest ones): older runs' partitions, and those of failed runs, are
    /// dropped when a run is published. Shortlists of vacancies no kept run scored are no longer shown; decisions stay.
    /// </summary>
    public int PublishedRunsKept { get; set; } = 14;
    /// <summary>The learned ranker; the cold-start formula scores when the file is absent.</summary>
    public string ModelPath { get; set; } = "models/ranker.zip";
}

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the same PostgreSQL server (schema "hangfire"), the job classes, and optionally a server.</summary>
    public static IServiceCollection AddMatchingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection("Jobs"))
            .Validate(o => o.WorkerCount is >= 1 and <= 64, "Jobs:WorkerCount must be between 1 and 64.")
            .Validate(o => o.VacanciesPerChunk is >= 1 and <= 10_000, "Jobs:VacanciesPerChunk must be between 1 and 10000.")
            .Validate(o => o.ShortlistLength is >= 1 and <= 500, "Jobs:ShortlistLength must be between 1 and 500.")
            .Validate(o => o.InvisibilityTimeoutSeconds is >= 5, "Jobs:InvisibilityTimeoutSeconds must be at least 5.")
            .Validate(o => o.DistributedLockTimeoutSeconds is >= 5, "Jobs:DistributedLockTimeoutSeconds must be at least 5.")
            // Two at least: the morning summary compares the new run with the previous published one.
            .Validate(o => o.PublishedRunsKept is >= 2, "Jobs:PublishedRunsKept must be at least 2.")
            .ValidateOnStart();
        var jobs = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                // Read through the validated options so a missing connection string fails fast with its message.
                pg =>
                {
                    var connectionString = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
                    DatabaseConnectivity.ThrowIfUnreachable(connectionString);
                    pg.UseNpgsqlConnection(connectionString);
                },
                new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromSeconds(jobs.InvisibilityTimeoutSeconds),
                    QueuePollInterval = TimeSpan.FromSeconds(jobs.QueuePollIntervalSeconds),
                    DistributedLockTimeout = TimeSpan.FromSeconds(jobs.DistributedLockTimeoutSeconds),
                }));
        services.AddScoped<CloseExpiredVacanciesJob>();
        services.AddSingleton<RunScoringCache>();
        services.AddScoped<NightlyPipeline>();
        services.AddScoped<NightlyChunkJob>();
        services.AddScoped<RetrainRankerJob>();
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection("Notifications"))
            .Validate(o => o.Sender is "file" or "smtp", "Notifications:Sender must be file or smtp.")
            .Validate(o => o.Sender != "smtp" || (o.SmtpHost.Length > 0 && o.SmtpFrom.Length > 0), "Notifications:SmtpHost and Notifications:SmtpFrom must be set when Notifications:Sender is smtp.")
            .ValidateOnStart();
        if (configuration["Notifications:Sender"] == "smtp") services.AddScoped<INotificationSender, SmtpNotificationSender>();
        else services.AddScoped<INotificationSender, FileNotificationSender>();
        services.AddScoped<OutboxSenderJob>();
        services.AddScoped<DocumentExpiryAlertsJob>();
        services.AddScoped<MentorCheckInRemindersJob>();
        services.AddScoped<EmployerMorningSummaryJob>();
        if (jobs.RunServer)
            services.AddHangfireServer(o => { o.WorkerCount = jobs.WorkerCount; o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}"; });
        if (jobs.RegisterRecurringJobs) services.AddHostedService<RecurringJobsRegistrar>();
        return services;
    }
}

/// <summary>Writes the recurring job list into Hangfire's storage once the host starts.</summary>
internal sealed class RecurringJobsRegistrar(IRecurringJobManager jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecurringJobs.Register(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
