using Hangfire;
using Hangfire.States;
using System.Diagnostics;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Integration.Tests.Infrastructure;
using Matching.Jobs;
using Matching.Jobs.Nightly;
using Matching.Jobs.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matching.Integration.Tests.Nightly;

/// <summary>
/// The nightly pipeline against real PostgreSQL and real Hangfire storage: chunk retries, SIGKILL of the standalone
/// worker, publication atomicity and the notification outbox. Each test has its own copy of the synthetic database.
/// </summary>
public sealed class NightlyPipelineTests(NightlyDatabase database) : IClassFixture<NightlyDatabase>
{
    private sealed record Row(int VacancyId, int CandidateId, int Rank, double Score, string Explanation);

    [Fact]
    public async Task A_retried_chunk_writes_the_same_rows_and_counts_once()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs);
        var runId = await StartAsync(services, "test:retry");
        await RunAllChunksAsync(services, cs, runId);
        var before = await RowsAsync(cs, runId);
        var counters = await CountersAsync(cs, runId);
        Assert.NotEmpty(before);
        Assert.Equal(before.Count, counters.MatchesWritten);

        // Hangfire runs the job again although the chunk committed (the worker died before acknowledging it).
        await RunChunkAsync(services, runId, 0);
        Assert.Equal(counters, await CountersAsync(cs, runId));
        Assert.Equal(before, await RowsAsync(cs, runId));

        // The chunk is marked unfinished while its rows are still there: the re-run must replace them, not add to them.
        var chunkRows = await ChunkRowsAsync(cs, runId, 0);
        await ExecuteAsync(cs, $"update match_run_chunks set status = {(int)MatchRunChunkStatus.Running} where run_id = {runId} and chunk_no = 0");
        await ExecuteAsync(cs, $"update match_runs set status = {(int)MatchRunStatus.Running}, chunks_done = chunks_done - 1, matches_written = matches_written - {chunkRows} where id = {runId}");
        await RunChunkAsync(services, runId, 0);

        var after = await RowsAsync(cs, runId);
        Assert.Equal(before, after);
        Assert.Equal(after.Count, after.Select(r => (r.VacancyId, r.CandidateId)).Distinct().Count());
        var again = await CountersAsync(cs, runId);
        Assert.Equal(counters.ChunksTotal, again.ChunksDone);
        Assert.Equal(after.Count, again.MatchesWritten);
    }

    [Fact]
    public async Task Readers_see_the_previous_run_until_the_new_one_is_published_whole()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs);
        var first = await StartAsync(services, "test:first");
        await RunAllChunksAsync(services, cs, first);
        var firstRows = await PublishedAsync(cs);
        Assert.NotEmpty(firstRows);
        Assert.All(firstRows, r => Assert.Equal(first, r.RunId));

        var second = await StartAsync(services, "test:second");
        var total = (await CountersAsync(cs, second)).ChunksTotal;
        await using (var scope = services.CreateAsyncScope())
            for (var chunk = 0; chunk < total; chunk++)
            {
                await scope.ServiceProvider.GetRequiredService<NightlyChunkJob>().RunAsync(second, chunk, CancellationToken.None);
                if (chunk < total - 1)
                    Assert.False(await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().PublishAsync(second, CancellationToken.None));
                var seen = await PublishedAsync(cs);
                Assert.Equal(firstRows, seen);
            }
        await using (var scope = services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().PublishAsync(second, CancellationToken.None));
        var secondRows = await PublishedAsync(cs);
        Assert.All(secondRows, r => Assert.Equal(second, r.RunId));
        Assert.Equal((await CountersAsync(cs, second)).MatchesWritten, secondRows.Count);
    }

    [Fact]
    public async Task Publishing_drops_the_matches_of_runs_older_than_the_kept_ones()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs, publishedRunsKept: 2);
        var runs = new List<int>();
        foreach (var key in new[] { "test:oldest", "test:previous", "test:latest" })
        {
            runs.Add(await StartAsync(services, key));
            await RunAllChunksAsync(services, cs, runs[^1]);
        }
        Assert.Equal(0, await ScalarAsync(cs, $"select count(*) from pg_class where relname = 'matches_run_{runs[0]}'"));
        Assert.Equal(0, await ScalarAsync(cs, $"select count(*) from matches where run_id = {runs[0]}"));
        foreach (var kept in runs.Skip(1))
            Assert.Equal((await CountersAsync(cs, kept)).MatchesWritten, await ScalarAsync(cs, $"select count(*) from matches where run_id = {kept}"));
        Assert.All(await PublishedAsync(cs), r => Assert.Equal(runs[^1], r.RunId));
    }

    [Fact]
    public async Task Killing_the_worker_mid_run_still_publishes_the_same_shortlists_without_losing_decisions()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs);
        var worker = StartWorker(cs);
        try
        {
            var clean = await StartAsync(services, "test:clean");
            await WaitPublishedAsync(cs, clean, TimeSpan.FromMinutes(4));
            var cleanRows = await RowsAsync(cs, clean);
            // Employers decided on some of the clean run's matches; re-scoring must not touch them.
            await ExecuteAsync(cs, $"""
                insert into decisions (candidate_id, vacancy_id, run_id, step, decided_at)
                select candidate_id, vacancy_id, run_id, {(int)DecisionStep.Shortlisted}, now() from matches where run_id = {clean} and rank <= 2
                """);
            var decisions = await ScalarAsync(cs, "select count(*) from decisions");
            Assert.True(decisions > 0);

            var resumed = await StartAsync(services, "test:resumed");
            var watch = Stopwatch.StartNew();
            while ((await CountersAsync(cs, resumed)).ChunksDone < 3 && watch.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(20);
            worker.Kill(); // SIGKILL: no shutdown, the fetched jobs stay fetched by a dead server
            await worker.WaitForExitAsync();
            var atKill = await CountersAsync(cs, resumed);
            Assert.True(atKill.ChunksDone >= 3 && atKill.ChunksDone < atKill.ChunksTotal, $"the kill should land mid-run ({atKill.ChunksDone}/{atKill.ChunksTotal})");

            worker = StartWorker(cs);
            // Generous: a chunk that fails meanwhile is retried by Hangfire after a back-off of up to a few minutes. The
            // safety check runs as it does in production (every 5 minutes there, every 30 s here).
            await WaitPublishedAsync(cs, resumed, TimeSpan.FromMinutes(7), () => CheckAsync(services));
            var resumedRows = await RowsAsync(cs, resumed);
            Assert.Equal(cleanRows, resumedRows);
            Assert.Equal(resumedRows.Count, resumedRows.Select(r => (r.VacancyId, r.CandidateId)).Distinct().Count());
            Assert.Equal(resumedRows.Count, (await CountersAsync(cs, resumed)).MatchesWritten);
            Assert.Equal(decisions, await ScalarAsync(cs, "select count(*) from decisions"));
            Assert.Equal(0, await ScalarAsync(cs, $"select count(*) from decisions d where not exists (select 1 from matches m where m.run_id = {resumed} and m.vacancy_id = d.vacancy_id and m.candidate_id = d.candidate_id)"));
        }
        finally
        {
            if (!worker.HasExited) { worker.Kill(); await worker.WaitForExitAsync(); }
        }
    }

    [Fact]
    public async Task The_safety_check_hands_a_chunk_held_by_a_dead_server_to_a_new_job()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs);
        var run = await StartAsync(services, "test:dead-server");
        var jobsBefore = await ChunkJobsAsync(cs, run);
        Assert.True(jobsBefore.Count > 2);
        // Chunk 0's job is being processed by a server that no longer beats (killed); chunk 1's by nobody yet (enqueued).
        var client = services.GetRequiredService<IBackgroundJobClient>();
        Assert.True(client.ChangeState(jobsBefore[0], new ProcessingOnServer("ghost-server:1")));

        await CheckAsync(services);

        var jobsAfter = await ChunkJobsAsync(cs, run);
        Assert.NotEqual(jobsBefore[0], jobsAfter[0]);
        Assert.Equal(jobsBefore.Skip(1), jobsAfter.Skip(1));
    }

    [Fact]
    public async Task A_job_lock_left_by_a_killed_worker_holds_its_chunk_only_until_the_lock_times_out()
    {
        var cs = await database.CreateDatabaseAsync();
        await using var services = Services(cs);
        var run = await StartAsync(services, "test:stale-lock");
        var jobsOfChunks = await ChunkJobsAsync(cs, run);
        // What a worker killed between fetching a job and marking it Processing leaves behind: the job's state lock, a
        // row nobody deletes. Taken here and never released (the test process plays the dead worker).
        using var storageConnection = services.GetRequiredService<JobStorage>().GetConnection();
        var staleLock = storageConnection.AcquireDistributedLock($"job:{jobsOfChunks[0]}:state-lock", TimeSpan.FromSeconds(5));
        var worker = StartWorker(cs);
        try
        {
            // The worker breaks the lock once it is older than Jobs:DistributedLockTimeoutSeconds (20 s here); with
            // Hangfire's default (10 minutes) chunk 0 would still be waiting.
            await WaitPublishedAsync(cs, run, TimeSpan.FromMinutes(2), () => CheckAsync(services));
            Assert.Equal(0, await ScalarAsync(cs, $"select count(*) from match_run_chunks where run_id = {run} and status <> {(int)MatchRunChunkStatus.Done}"));
        }
        finally
        {
            if (!worker.HasExited) { worker.Kill(); await worker.WaitForExitAsync(); }
            GC.KeepAlive(staleLock);
        }
    }

    /// <summary>Hangfire's "Processing" state as a server writes it (its own type has no public constructor).</summary>
    private sealed class ProcessingOnServer(string serverId) : IState
    {
        public string Name => ProcessingState.StateName;
        public string? Reason => null;
        public bool IsFinal => false;
        public bool IgnoreJobLoadException => false;
        public Dictionary<string, string> SerializeData() => new()
        {
            ["StartedAt"] = Hangfire.Common.JobHelper.SerializeDateTime(DateTime.UtcNow.AddMinutes(-3)),
            ["ServerId"] = serverId, ["WorkerId"] = Guid.NewGuid().ToString(),
        };
    }

    private static async Task<List<string>> ChunkJobsAsync(string cs, int runId)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select job_id from match_run_chunks where run_id = {runId} order by chunk_no", connection);
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }

    [Fact]
    public async Task A_retried_alert_job_and_sender_deliver_one_notification()
    {
        var cs = await database.CreateDatabaseAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"nightly-notifications-{Guid.NewGuid():N}");
        await using var services = Services(cs, folder);
        var adviser = await ScalarAsync(cs, "insert into advisers (name, agency, is_synthetic) values ('Conseillère test', 'ANAPEC Rabat', true) returning id");
        await ExecuteAsync(cs, $"update candidates set adviser_id = {adviser}, document_expires_on = current_date + 20 where id = (select min(id) from candidates)");
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DocumentExpiryAlertsJob>().RunAsync(CancellationToken.None);
                    await scope.ServiceProvider.GetRequiredService<OutboxSenderJob>().RunAsync(CancellationToken.None);
                }
            Assert.Equal(1, await ScalarAsync(cs, $"select count(*) from notifications where recipient = 'adviser:{adviser}'"));
            Assert.Equal(1, await ScalarAsync(cs, "select count(*) from notifications where sent_at is not null"));
            var files = Directory.GetFiles(folder);
            Assert.Single(files);
            Assert.Contains($"adviser:{adviser}", await File.ReadAllTextAsync(files[0]), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(string cs, string? notificationsFolder = null, int publishedRunsKept = 14)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Matching"] = cs,
            ["Jobs:RunServer"] = "false",
            ["Jobs:RegisterRecurringJobs"] = "false",
            ["Jobs:VacanciesPerChunk"] = "4",
            ["Notifications:Folder"] = notificationsFolder ?? Path.GetTempPath(),
            ["Jobs:PublishedRunsKept"] = publishedRunsKept.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddMatchingData(configuration);
        services.AddMatchingJobs(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<int> StartAsync(ServiceProvider services, string key)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().StartAsync(key, "test", CancellationToken.None);
    }

    private static async Task RunChunkAsync(ServiceProvider services, int runId, int chunk)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NightlyChunkJob>().RunAsync(runId, chunk, CancellationToken.None);
    }

    private static async Task RunAllChunksAsync(ServiceProvider services, string cs, int runId)
    {
        var total = (await CountersAsync(cs, runId)).ChunksTotal;
        Assert.True(total > 3);
        for (var chunk = 0; chunk < total; chunk++) await RunChunkAsync(services, runId, chunk);
        await using var scope = services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().PublishAsync(runId, CancellationToken.None));
    }

    /// <summary>The standalone worker, as deployed: `dotnet Matching.Jobs.dll` with settings from the environment.</summary>
    private static Process StartWorker(string cs)
    {
        var dll = Path.Combine(RepositoryRoot(), "jobs", "Matching.Jobs", "bin", BuildConfiguration(), "net10.0", "Matching.Jobs.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["ConnectionStrings__Matching"] = cs;
        start.Environment["Jobs__RegisterRecurringJobs"] = "false";
        start.Environment["Jobs__WorkerCount"] = "2";
        start.Environment["Jobs__InvisibilityTimeoutSeconds"] = "10";
        start.Environment["Jobs__QueuePollIntervalSeconds"] = "1";
        start.Environment["Jobs__DistributedLockTimeoutSeconds"] = "20";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        // Warnings and errors of every worker (e.g. a chunk that failed and went to retry) are kept for whoever reads a red run.
        var log = new StreamWriter(Path.Combine(RepositoryLayout.TestResults(), $"worker-{process.Id}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string BuildConfiguration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Matching.sln"))) return dir.FullName;
        throw new InvalidOperationException("Matching.sln not found above the test assembly.");
    }

    private static async Task CheckAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NightlyPipeline>().CheckAsync(CancellationToken.None);
    }

    private static async Task WaitPublishedAsync(string cs, int runId, TimeSpan timeout, Func<Task>? check = null)
    {
        var watch = Stopwatch.StartNew();
        var lastCheck = TimeSpan.Zero;
        while (await ScalarAsync(cs, $"select status from match_runs where id = {runId}") != (int)MatchRunStatus.Published)
        {
            if (check is not null && watch.Elapsed - lastCheck > TimeSpan.FromSeconds(30))
            {
                lastCheck = watch.Elapsed;
                await check();
            }
            if (watch.Elapsed > timeout)
            {
                var c = await CountersAsync(cs, runId);
                Assert.Fail($"run {runId} not published after {timeout.TotalSeconds} s ({c.ChunksDone}/{c.ChunksTotal} chunks); unfinished: {await UnfinishedChunksAsync(cs, runId)}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>What a red run needs to be understood: each unfinished chunk with its Hangfire job's state and queue entry.</summary>
    private static async Task<string> UnfinishedChunksAsync(string cs, int runId)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select format('chunk %s status=%s attempts=%s job=%s state=%s queue_fetched_at=%s now=%s error=%s',
                          c.chunk_no, c.status, c.attempts, c.job_id, j.statename, q.fetchedat, now(), c.error)
            from match_run_chunks c
            left join hangfire.job j on j.id::text = c.job_id
            left join hangfire.jobqueue q on q.jobid::text = c.job_id
            where c.run_id = {runId} and c.status <> {(int)MatchRunChunkStatus.Done}
            """, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("; ", lines);
    }

    private static async Task<List<Row>> RowsAsync(string cs, int runId)
    {
        var rows = new List<Row>();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select vacancy_id, candidate_id, rank, score, explanation_json::text from matches where run_id = {runId} order by vacancy_id, rank, candidate_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetString(4)));
        return rows;
    }

    /// <summary>What a portal reads: the latest Published run's shortlists, in one statement.</summary>
    private static async Task<List<(int RunId, int VacancyId, int CandidateId, int Rank)>> PublishedAsync(string cs)
    {
        var rows = new List<(int, int, int, int)>();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select run_id, vacancy_id, candidate_id, rank from matches
            where run_id = (select id from match_runs where status = {(int)MatchRunStatus.Published} order by id desc limit 1)
            order by vacancy_id, rank
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3)));
        return rows;
    }

    private static async Task<(int ChunksDone, int ChunksTotal, long MatchesWritten)> CountersAsync(string cs, int runId)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select chunks_done, chunks_total, matches_written from match_runs where id = {runId}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
    }

    private static Task<long> ChunkRowsAsync(string cs, int runId, int chunk) =>
        ScalarAsync(cs, $"select rows_written from match_run_chunks where run_id = {runId} and chunk_no = {chunk}");

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
