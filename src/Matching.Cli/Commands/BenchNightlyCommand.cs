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
        usage: matching bench nightly [--candidates 100000] [--vacancies 10000] [--workers 2] [--chunk 100] [--seed 1] [--keep]
        Creates the scratch database <database>_bench_nightly on the server of ConnectionStrings__Matching, writes the
        synthetic population, runs the real pipeline (Hangfire chunks, COPY, publish) and prints the time per stage,
        COPY against SaveChanges on a sample, and last one summary line. --keep leaves the scratch database.
        """;

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "workers", "chunk", "seed", "keep");
        int candidateCount = args.GetInt("candidates", 100_000, 10), vacancyCount = args.GetInt("vacancies", 10_000, 1);
        int workers = args.GetInt("workers", 2, 1, 64), chunk = args.GetInt("chunk", 100, 1, 10_000), seed = args.GetInt("seed", 1);
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
        MatchRun run;
        try
        {
            int runId;
            await using (var scope = host.Services.CreateAsyncScope())
                runId = await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().StartAsync(NightlyPipeline.ManualRunKey(), "bench", ct);
            Done("snapshot", "(run, candidate snapshot, chunks, enqueue)");
            run = await NightlyHost.WaitAsync(host.Services, runId, TimeSpan.FromHours(2), ct);
            Done("score_write_publish", $"({run.ChunksTotal} chunks of {chunk} vacancies on {workers} workers)");
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        if (run.Status != MatchRunStatus.Published) throw new CliFailure($"the run ended {run.Status}: {run.Error}");

        var (copyRate, saveRate, sample) = await CompareWritesAsync(scratch, run.Id, ct);
        Done("copy_vs_savechanges");
        if (!args.Has("keep")) await DropAsync(main, scratch, ct);
        total.Stop();

        foreach (var (name, seconds, detail) in stages) Console.Out.WriteLine($"stage\t{name}\t{seconds:0.0} s\t{detail}");
        Console.Out.WriteLine($"copy_rows_per_s\t{copyRate:0}");
        Console.Out.WriteLine($"savechanges_rows_per_s\t{saveRate:0}");
        Console.Out.WriteLine($"copy_vs_savechanges\t{copyRate / saveRate:0.0}x (sample of {sample} match rows)");
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.Out.WriteLine($"nightly: candidates={candidateCount} vacancies={vacancyCount} pairs_scored={run.PairsScored} matches_written={run.MatchesWritten} seconds={total.Elapsed.TotalSeconds:0.0} peak_mb={peakMb:0}");
        return 0;
    }

    /// <summary>Rows/s of the run's own rows written again with COPY and with EF SaveChanges, both rolled back.</summary>
    private static async Task<(double Copy, double Save, int Sample)> CompareWritesAsync(string scratch, int runId, CancellationToken ct)
    {
        await using var db = Open(scratch);
        var rows = await db.Matches.AsNoTracking().Where(m => m.RunId == runId).OrderBy(m => m.Id).Take(20_000).ToListAsync(ct);
        var sampleRun = new MatchRun { Status = MatchRunStatus.Failed, CreatedAt = DateTimeOffset.UtcNow, TriggeredBy = "bench sample", RunKey = $"bench-sample:{Guid.NewGuid():N}" };
        db.MatchRuns.Add(sampleRun);
        await db.SaveChangesAsync(ct);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        async Task<double> CopyAsync(IReadOnlyList<Match> sample)
        {
            var watch = Stopwatch.StartNew();
            await using var tx = await connection.BeginTransactionAsync(ct);
            await MatchCopy.WriteAsync(connection, sampleRun.Id, sample.Select(m => new MatchRow(m.CandidateId, m.VacancyId, m.Score, m.Rank, m.ExplanationJson)).ToList(), ct);
            await tx.RollbackAsync(ct);
            return sample.Count / watch.Elapsed.TotalSeconds;
        }
        async Task<double> SaveAsync(IReadOnlyList<Match> sample)
        {
            var watch = Stopwatch.StartNew();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Matches.AddRange(sample.Select(m => new Match { RunId = sampleRun.Id, CandidateId = m.CandidateId, VacancyId = m.VacancyId, Score = m.Score, Rank = m.Rank, ExplanationJson = m.ExplanationJson }));
            await db.SaveChangesAsync(ct);
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return sample.Count / watch.Elapsed.TotalSeconds;
        }
        // Warm both paths up first (JIT, EF's model and command cache), then time them on the same rows.
        await CopyAsync(rows.Take(200).ToList());
        await SaveAsync(rows.Take(200).ToList());
        var copyRate = await CopyAsync(rows);
        var saveRate = await SaveAsync(rows.Take(5_000).ToList());
        return (copyRate, saveRate, rows.Count);
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
