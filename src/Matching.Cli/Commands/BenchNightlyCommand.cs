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
        --worker-processes N starts N-1 standalone workers (Matching.Jobs, --workers threads each) beside this process
        for the scoring stage, to measure scaling out.
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "workers", "worker-processes", "chunk", "seed", "keep");
        int candidateCount = args.GetInt("candidates", 100_000, 10), vacancyCount = args.GetInt("vacancies", 10_000, 1);
        int workers = args.GetInt("workers", 2, 1, 64), processes = args.GetInt("worker-processes", 1, 1, 8), chunk = args.GetInt("chunk", 100, 1, 10_000), seed = args.GetInt("seed", 1);
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
        var standalone = Enumerable.Range(1, processes - 1).Select(_ => StartWorker(scratch, workers)).ToList();
        MatchRun run;
        try
        {
            int runId;
            await using (var scope = host.Services.CreateAsyncScope())
                runId = await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().StartAsync(NightlyPipeline.ManualRunKey(), "bench", ct);
            Done("snapshot", "(run, candidate snapshot, chunks, enqueue)");
            run = await NightlyHost.WaitAsync(host.Services, runId, TimeSpan.FromHours(2), ct);
            Done("score_write_publish", $"({run.ChunksTotal} chunks of {chunk} vacancies on {processes} process(es) of {workers} workers)");
        }
        finally
        {
            foreach (var worker in standalone)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(CancellationToken.None);
                worker.Dispose();
            }
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
        Console.Out.WriteLine($"copy_rows_per_s\t{writes.Copy:0}");
        Console.Out.WriteLine($"copy_no_foreign_keys_rows_per_s\t{writes.CopyIndexedNoForeignKeys:0}\t(same rows, same indexes, no foreign keys)");
        Console.Out.WriteLine($"copy_unindexed_rows_per_s\t{writes.CopyUnindexed:0}\t(same rows into a table without indexes or foreign keys)");
        Console.Out.WriteLine($"savechanges_rows_per_s\t{writes.SaveChanges:0}");
        Console.Out.WriteLine($"copy_vs_savechanges\t{writes.Copy / writes.SaveChanges:0.0}x (the same {writes.Sample} pre-built match rows, AddRange + SaveChanges)");
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.Out.WriteLine($"nightly: candidates={candidateCount} vacancies={vacancyCount} pairs_scored={run.PairsScored} matches_written={run.MatchesWritten} seconds={total.Elapsed.TotalSeconds:0.0} peak_mb={peakMb:0}");
        return 0;
    }

    /// <summary>Write rates of one sample of the run's own rows, built beforehand, so only the write is timed.</summary>
    private sealed record WriteRates(int Sample, double Copy, double CopyIndexedNoForeignKeys, double CopyUnindexed, double SaveChanges);

    /// <summary>
    /// The same pre-built rows written four ways, each rolled back: COPY into matches; COPY into tables of the same
    /// columns (ordinary logged tables, dropped after) with matches' indexes but no foreign keys, and with neither (what is
    /// left is the wire, the client, jsonb parsing and the heap's WAL), which splits COPY's time between the server's index
    /// and foreign-key work; and EF Core AddRange +
    /// SaveChanges into matches.
    /// </summary>
    private static async Task<WriteRates> CompareWritesAsync(string scratch, int runId, CancellationToken ct)
    {
        await using var db = Open(scratch);
        var matches = await db.Matches.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.Id).Take(20_000).ToListAsync(ct);
        var sampleRun = new MatchRun { Status = MatchRunStatus.Failed, CreatedAt = DateTimeOffset.UtcNow, TriggeredBy = "bench sample", RunKey = $"bench-sample:{Guid.NewGuid():N}" };
        db.MatchRuns.Add(sampleRun);
        await db.SaveChangesAsync(ct);
        var rows = matches.Select(m => new MatchRow(m.CandidateId, m.VacancyId, m.Score, m.Rank, m.ExplanationJson)).ToList();
        var entities = (IReadOnlyList<MatchRow> sample) => sample.Select(r => new Match
            { RunId = sampleRun.Id, CandidateId = r.CandidateId, VacancyId = r.VacancyId, Score = r.Score, Rank = r.Rank, ExplanationJson = r.ExplanationJson }).ToList();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using (var probe = new NpgsqlCommand("create table matches_copy_probe (like matches including identity)", connection))
            await probe.ExecuteNonQueryAsync(ct);
        await using (var probe = new NpgsqlCommand("create table matches_copy_probe_indexed (like matches including all)", connection))
            await probe.ExecuteNonQueryAsync(ct);
        async Task<double> CopyAsync(IReadOnlyList<MatchRow> sample, string table)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var watch = Stopwatch.StartNew();
            await MatchCopy.WriteAsync(connection, sampleRun.Id, sample, ct, table);
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
        // Warm every path up first (JIT, EF's model and command cache), then time them on the same rows.
        var warm = rows.Take(200).ToList();
        await CopyAsync(warm, "matches");
        await CopyAsync(warm, "matches_copy_probe");
        await CopyAsync(warm, "matches_copy_probe_indexed");
        await SaveAsync(warm);
        var rates = new WriteRates(rows.Count, await CopyAsync(rows, "matches"), await CopyAsync(rows, "matches_copy_probe_indexed"),
            await CopyAsync(rows, "matches_copy_probe"), await SaveAsync(rows));
        await using (var drop = new NpgsqlCommand("drop table matches_copy_probe, matches_copy_probe_indexed", connection))
            await drop.ExecuteNonQueryAsync(ct);
        return rates;
    }

    /// <summary>The standalone worker (Matching.Jobs, copied next to this CLI) on the scratch database, scoring chunks only.</summary>
    private static Process StartWorker(string scratch, int workers)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Matching.Jobs.dll");
        if (!File.Exists(dll)) throw new CliFailure($"--worker-processes needs the standalone worker at {dll}; build src/Matching.Cli again.");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        info.ArgumentList.Add(dll);
        info.Environment["ConnectionStrings__Matching"] = scratch;
        info.Environment["Jobs__RunServer"] = "true";
        info.Environment["Jobs__RegisterRecurringJobs"] = "false";
        info.Environment["Jobs__WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Jobs__QueuePollIntervalSeconds"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info) ?? throw new CliFailure("the standalone worker did not start.");
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
