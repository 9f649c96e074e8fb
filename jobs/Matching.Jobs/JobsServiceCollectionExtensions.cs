using Hangfire;
using Hangfire.PostgreSql;
using Matching.Data;
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
}

public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire on the same PostgreSQL server (schema "hangfire"), the job classes, and optionally a server.</summary>
    public static IServiceCollection AddMatchingJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection("Jobs"))
            .Validate(o => o.WorkerCount is >= 1 and <= 64, "Jobs:WorkerCount must be between 1 and 64.")
            .ValidateOnStart();
        var jobs = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(TimeProvider.System);
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                // Read through the validated options so a missing connection string fails fast with its message.
                pg => pg.UseNpgsqlConnection(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
        services.AddScoped<CloseExpiredVacanciesJob>();
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
