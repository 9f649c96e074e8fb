using System.Diagnostics;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Jobs;
using Matching.Jobs.Nightly;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Matching.Cli.Commands;

public sealed class NightlyCommand : ICliCommand
{
    public string Name => "nightly";
    public string Summary => "start a nightly matching run now (--now), wait for it to publish (--wait), or list the latest runs";
    public string Usage => """
        usage: matching nightly [--now [--wait] [--timeout 3600] [--workers N] [--unless-published]]
        Without options, lists the latest runs. --now starts a run through Hangfire; with --wait this process also
        scores chunks (standalone workers and the web's server share them) and prints the run's summary once it is
        published. --unless-published does nothing when a run is already published (./run.sh's first start).
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("now", "wait", "timeout", "workers", "unless-published");
        var timeout = TimeSpan.FromSeconds(args.GetInt("timeout", 3600, 10));
        var workers = args.GetInt("workers", Math.Max(2, Environment.ProcessorCount), 1, 64);
        if (!args.Has("now"))
        {
            if (args.Has("wait") || args.Has("unless-published")) throw new UsageException("--wait and --unless-published need --now.");
            await using var services = CliHost.Services();
            await using var scope = services.CreateAsyncScope();
            var db = await CliHost.OpenDatabaseAsync(scope.ServiceProvider, ct);
            foreach (var run in await db.MatchRuns.OrderByDescending(r => r.Id).Take(10).ToListAsync(ct)) Console.Out.WriteLine(NightlyHost.Summary(run));
            return 0;
        }
        await using (var services = CliHost.Services())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = await CliHost.OpenDatabaseAsync(scope.ServiceProvider, ct);
            if (args.Has("unless-published") && await db.MatchRuns.Where(r => r.Status == MatchRunStatus.Published).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct) is { } published)
            {
                Console.Out.WriteLine($"shortlists already published by run {published.Id}; nothing to do.");
                return 0;
            }
        }
        using var host = NightlyHost.Build(CliHost.Configuration(), runServer: args.Has("wait"), workers);
        await host.StartAsync(ct);
        try
        {
            int runId;
            await using (var scope = host.Services.CreateAsyncScope())
                runId = await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().StartAsync(NightlyPipeline.ManualRunKey(), "cli", ct);
            if (!args.Has("wait")) { Console.Out.WriteLine($"run {runId} started; its chunks are queued for the workers."); return 0; }
            var run = await NightlyHost.WaitAsync(host.Services, runId, timeout, ct);
            Console.Out.WriteLine(NightlyHost.Summary(run));
            return run.Status == MatchRunStatus.Published ? 0 : 1;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>A Hangfire client (and optionally server) for the CLI, on the same storage as the web and the workers.</summary>
internal static class NightlyHost
{
    public static IHost Build(IConfiguration configuration, bool runServer, int workers, string? connectionString = null, int? vacanciesPerChunk = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = runServer ? "true" : "false",
            ["Jobs:RegisterRecurringJobs"] = "false",
            ["Jobs:WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:QueuePollIntervalSeconds"] = "1",
        });
        if (connectionString is not null) builder.Configuration["ConnectionStrings:Matching"] = connectionString;
        if (vacanciesPerChunk is { } chunk) builder.Configuration["Jobs:VacanciesPerChunk"] = chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMatchingData(builder.Configuration);
        builder.Services.AddMatchingJobs(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Polls the run until it is published or failed, printing progress to stderr.</summary>
    public static async Task<MatchRun> WaitAsync(IServiceProvider services, int runId, TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var lastDone = -1;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MatchingDbContext>();
            var run = await db.MatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            if (run.Status is MatchRunStatus.Published or MatchRunStatus.Failed) return run;
            if (run.ChunksDone != lastDone) Console.Error.WriteLine($"run {runId}: {run.ChunksDone}/{run.ChunksTotal} chunks, {watch.Elapsed.TotalSeconds:0} s");
            lastDone = run.ChunksDone;
            if (watch.Elapsed > timeout) throw new CliFailure($"run {runId} did not publish within {timeout.TotalSeconds:0} s ({run.ChunksDone}/{run.ChunksTotal} chunks); it goes on in the workers, see the Admin runs page.");
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    public static string Summary(MatchRun run)
    {
        var seconds = (run.PublishedAt ?? run.CompletedAt) is { } end && run.StartedAt is { } start
            ? (end - start).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—";
        return $"run {run.Id} {run.Status.ToString().ToLowerInvariant()}: chunks={run.ChunksDone}/{run.ChunksTotal} pairs_scored={run.PairsScored} matches_written={run.MatchesWritten} " +
               $"seconds={seconds} scorer={run.ModelVersion}{(run.Error is null ? "" : $" error=\"{run.Error}\"")}";
    }
}
