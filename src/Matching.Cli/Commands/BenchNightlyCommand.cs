using System.Diagnostics;
using Matching.Core.Domain;
using Matching.Core.Engine;
using Matching.Data;
using Matching.Jobs.Nightly;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Matching.Cli.Commands;

public sealed class BenchNightlyCommand : ICliCommand
{
    public string Name => "bench nightly";
    public string Summary => "benchmark the nightly pipeline end to end on a synthetic population in a scratch database";
    public string Usage => """
        usage: matching bench nightly [--candidates 100000] [--vacancies 10000] [--workers 2] [--worker-processes 1] [--chunk 100] [--seed 1] [--keep]
        Creates the scratch database <database>_bench_nightly on the server of ConnectionStrings__Matching, writes the
        synthetic population, runs the real pipeline (Hangfire chunks, COPY, publish) and prints the time per stage,
        COPY against SaveChanges on a sample, and last one summary line. --keep leaves the scratch database.
        --worker-processes 2 starts a standalone worker (Matching.Jobs, --workers threads too) beside this process once
        a third of the chunks are done, and prints the chunks/s with two worker processes against one, in the same run.
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "workers", "worker-processes", "chunk", "seed", "keep");
        int candidateCount = args.GetInt("candidates", 100_000, 10), vacancyCount = args.GetInt("vacancies", 10_000, 1);
        int workers = args.GetInt("workers", 2, 1, 64), processes = args.GetInt("worker-processes", 1, 1, 2), chunk = args.GetInt("chunk", 100, 1, 10_000), seed = args.GetInt("seed", 1);
        var configuration = CliHost.Configuration();
        var main = configuration.GetConnectionString("Matching") is { Length: > 0 } cs && ConnectionStrings.IsValid(cs) ? cs
            : throw new CliFailure("ConnectionStrings__Matching is not set: the benchmark creates its scratch database on that server.");
        var scratch = new NpgsqlConnectionStringBuilder(main) { Database = new NpgsqlConnectionStringBuilder(main).Database + "_bench_nightly" }.ConnectionString;
        var total = Stopwatch.StartNew();
        var stages = new List<(string Name, double Seconds, string Detail)>();
        Stopwatch stage = Stopwatch.StartNew();
        void Done(string name, string detail = "") { stages.Add((name, stage.Elapsed.TotalSeconds, detail)); Console.Error.WriteLine($"{name}: {stage.Elapsed.TotalSeconds:0.0} s {detail}"); stage.Restart(); }

        await RecreateAsync(main, scratch, ct);
        await using (var db = Open(scratch))
            await db.Database.MigrateAsync(ct);
        Done("scratch_database", "(create + migrate)");

        var graph = TaxonomyGraph.Default;
        var world = new SyntheticWorld(graph, seed);
        var candidates = world.Candidates(candidateCount);
        var vacancies = world.Vacancies(vacancyCount).Select(v => v.Vacancy).ToList();
        Done("generate");
        PopulationSummary population;
        await using (var connection = new NpgsqlConnection(scratch))
        {
            await connection.OpenAsync(ct);
            population = await SyntheticPopulation.WriteAsync(connection, graph, candidates, vacancies, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        }
        candidates = null!;
        vacancies = null!;
        Done("write_population", $"({population.Rows} rows, {population.Rows / population.Elapsed.TotalSeconds:0} rows/s with COPY)");

        using var host = NightlyHost.Build(configuration, runServer: true, workers, scratch, chunk);
        await host.StartAsync(ct);
        var scaling = new WorkerScaling(processes, workers);
        MatchRun run;
        try
        {
            int runId;
            await using (var scope = host.Services.CreateAsyncScope())
                runId = await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().StartAsync(NightlyPipeline.ManualRunKey(), "bench", ct);
            Done("snapshot", "(run, its partition, candidate snapshot, chunks, enqueue)");
            run = await scaling.WatchAsync(host.Services, runId, () => StartWorker(scratch, workers, scaling), ct);
            Done("score_write_publish", $"({run.ChunksTotal} chunks of {chunk} vacancies on {processes} process(es) of {workers} workers)");
        }
        finally
        {
            await scaling.StopWorkersAsync();
            await host.StopAsync(CancellationToken.None);
        }
        if (run.Status != MatchRunStatus.Published) throw new CliFailure($"the run ended {run.Status}: {run.Error}");

        var writes = await CompareWritesAsync(scratch, run.Id, ct);
        Done("copy_vs_savechanges");
        if (!args.Has("keep")) await DropAsync(main, scratch, ct);
        total.Stop();

        foreach (var (name, seconds, detail) in stages) Console.Out.WriteLine($"stage\t{name}\t{seconds:0.0} s\t{detail}");
        // Summed over the chunks this process ran (over its workers too, so they can exceed the wall-clock stage).
        Console.Out.WriteLine($"chunk_stages\tload={ChunkStageTimes.Load.TotalSeconds:0.0} s score={ChunkStageTimes.Score.TotalSeconds:0.0} s " +
                              $"explain={ChunkStageTimes.Explain.TotalSeconds:0.0} s write={ChunkStageTimes.Write.TotalSeconds:0.0} s (delete + COPY + counters)");
        Console.Out.WriteLine($"publish\t{scaling.PublishSeconds:0.0} s\t(last chunk written to published: the run's indexes built once, statistics, fairness audit, the flip)");
        Console.Out.WriteLine($"copy_rows_per_s\t{writes.Copy:0}\t(into the sample run's partition, bare as while a run writes)");
        Console.Out.WriteLine($"savechanges_rows_per_s\t{writes.SaveChanges:0}\t(the same rows into the same partition through matches, AddRange + SaveChanges, EF's default batching)");
        Console.Out.WriteLine($"copy_vs_savechanges\t{writes.Copy / writes.SaveChanges:0.0}x (the same {writes.Sample} pre-built match rows)");
        Console.Out.WriteLine($"copy_indexed_rows_per_s\t{writes.CopyIndexed:0}\t(for reference: COPY into the partition once its two indexes exist)");
        if (scaling.Report() is { } speedUp) Console.Out.WriteLine(speedUp);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.Out.WriteLine($"nightly: candidates={candidateCount} vacancies={vacancyCount} pairs_scored={run.PairsScored} matches_written={run.MatchesWritten} seconds={total.Elapsed.TotalSeconds:0.0} peak_mb={peakMb:0}");
        return 0;
    }

    /// <summary>Write rates of one sample of the run's own rows, built beforehand, so only the write is timed.</summary>
    private sealed record WriteRates(int Sample, double Copy, double SaveChanges, double CopyIndexed);

    /// <summary>
    /// The same pre-built rows written with COPY and with EF Core AddRange + SaveChanges, each rolled back, into the
    /// partition of a sample run created the way a nightly run creates its own (bare: no index, no foreign key). Then,
    /// for reference, COPY again once that partition has the indexes a published run gets.
    /// </summary>
    private static async Task<WriteRates> CompareWritesAsync(string scratch, int runId, CancellationToken ct)
    {
        await using var db = Open(scratch);
        var matches = await db.Matches.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.VacancyId).ThenBy(m => m.Rank).Take(20_000).ToListAsync(ct);
        var sampleRun = new MatchRun { Status = MatchRunStatus.Failed, CreatedAt = DateTimeOffset.UtcNow, TriggeredBy = "bench sample", RunKey = $"bench-sample:{Guid.NewGuid():N}" };
        db.MatchRuns.Add(sampleRun);
        await db.SaveChangesAsync(ct);
        var rows = matches.Select(m => new MatchRow(m.CandidateId, m.VacancyId, m.Score, m.Rank, m.ExplanationJson)).ToList();
        var entities = (IReadOnlyList<MatchRow> sample) => sample.Select(r => new Match
            { RunId = sampleRun.Id, CandidateId = r.CandidateId, VacancyId = r.VacancyId, Score = r.Score, Rank = r.Rank, ExplanationJson = r.ExplanationJson }).ToList();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        async Task SqlAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("run", sampleRun.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
        await SqlAsync("select matches_create_partition(@run)");
        async Task<double> CopyAsync(IReadOnlyList<MatchRow> sample)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var watch = Stopwatch.StartNew();
            await MatchCopy.WriteAsync(connection, sampleRun.Id, sample, ct);
            var rate = sample.Count / watch.Elapsed.TotalSeconds;
            await tx.RollbackAsync(ct);
            return rate;
        }
        async Task<double> SaveAsync(IReadOnlyList<MatchRow> sample)
        {
            var built = entities(sample);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var watch = Stopwatch.StartNew();
            db.Matches.AddRange(built);
            await db.SaveChangesAsync(ct);
            var rate = sample.Count / watch.Elapsed.TotalSeconds;
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return rate;
        }
        // Warm both paths up first (JIT, EF's model and command cache), then time them on the same rows.
        var warm = rows.Take(200).ToList();
        await CopyAsync(warm);
        await SaveAsync(warm);
        double copy = await CopyAsync(rows), save = await SaveAsync(rows);
        await SqlAsync("select matches_index_partition(@run)");
        var copyIndexed = await CopyAsync(rows);
        await SqlAsync("select matches_drop_partition(@run)");
        db.MatchRuns.Remove(sampleRun);
        await db.SaveChangesAsync(ct);
        return new WriteRates(rows.Count, copy, save, copyIndexed);
    }

    /// <summary>
    /// The standalone worker (Matching.Jobs, copied next to this CLI) on the scratch database, scoring chunks only. It
    /// logs each chunk it writes, so <paramref name="scaling"/> knows when it has warmed up.
    /// </summary>
    private static Process StartWorker(string scratch, int workers, WorkerScaling scaling)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Matching.Jobs.dll");
        if (!File.Exists(dll)) throw new CliFailure($"--worker-processes needs the standalone worker at {dll}; build src/Matching.Cli again.");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = false };
        info.ArgumentList.Add(dll);
        info.Environment["ConnectionStrings__Matching"] = scratch;
        info.Environment["Jobs__RunServer"] = "true";
        info.Environment["Jobs__RegisterRecurringJobs"] = "false";
        info.Environment["Jobs__WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Jobs__QueuePollIntervalSeconds"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment[$"Logging__LogLevel__{typeof(NightlyChunkJob).FullName}"] = "Information";
        var process = Process.Start(info) ?? throw new CliFailure("the standalone worker did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("matches written", StringComparison.Ordinal) == true) scaling.WorkerWroteChunk(); };
        process.BeginOutputReadLine();
        return process;
    }

    private static MatchingDbContext Open(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        DataServiceCollectionExtensions.Configure(options, connectionString);
        return new MatchingDbContext(options.Options);
    }

    private static async Task RecreateAsync(string main, string scratch, CancellationToken ct)
    {
        await DropAsync(main, scratch, ct);
        await AdminAsync(main, $"create database \"{new NpgsqlConnectionStringBuilder(scratch).Database}\"", ct);
    }

    private static Task DropAsync(string main, string scratch, CancellationToken ct) =>
        AdminAsync(main, $"drop database if exists \"{new NpgsqlConnectionStringBuilder(scratch).Database}\" with (force)", ct);

    private static async Task AdminAsync(string main, string sql, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(main) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException e)
        {
            throw new CliFailure($"cannot prepare the scratch database on {admin.Host}:{admin.Port} ({e.GetBaseException().Message}); the benchmark needs a role allowed to create databases.", e);
        }
    }
}
