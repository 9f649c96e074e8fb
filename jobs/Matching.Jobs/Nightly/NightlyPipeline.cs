using Hangfire;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Jobs.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>
/// The nightly matching run: snapshot, split into chunks (each one short Hangfire job, see <see cref="NightlyChunkJob"/>),
/// and publish once every chunk is done. Hangfire has no batches on PostgreSQL, so the last chunk to finish (counted
/// under the run's row lock) enqueues <see cref="PublishAsync"/>, and <see cref="CheckAsync"/> runs every few minutes
/// to re-enqueue what a crash lost. Readers take the latest Published run, so they keep seeing the previous run's
/// shortlists until the one-row flip that publishes the new run.
/// </summary>
public sealed class NightlyPipeline(
    IOptions<DatabaseOptions> database, IOptions<JobsOptions> options, IBackgroundJobClient jobs, JobStorage storage,
    TimeProvider clock, RunScoringCache scoring, ILogger<NightlyPipeline> logger)
{
    public const string Id = "nightly-matching";
    public const string CheckId = "nightly-matching-check";

    /// <summary>The 02:00 run: one per Morocco calendar day, so a retried or doubled trigger resumes that day's run.</summary>
    public Task<int> ScheduledAsync(CancellationToken ct) =>
        StartAsync($"nightly:{RecurringJobs.MoroccoToday(clock):yyyy-MM-dd}", "schedule", ct);

    /// <summary>"Run now": the key is made when the button is pressed, so a retry of this job resumes the same run.</summary>
    public static string ManualRunKey() => $"manual:{Guid.NewGuid():N}";

    /// <summary>Creates the run for <paramref name="runKey"/> (or finds it) and enqueues its unfinished chunks. Returns the run id.</summary>
    public async Task<int> StartAsync(string runKey, string triggeredBy, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var runId = await CreateAsync(connection, runKey, triggeredBy, ct);
        await EnsureEnqueuedAsync(connection, runId, ct);
        return runId;
    }

    private async Task<int> CreateAsync(NpgsqlConnection connection, string runKey, string triggeredBy, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var created = await ScalarAsync<int?>(connection, tx, """
            insert into match_runs (status, created_at, started_at, run_key, triggered_by, reference_date, model_version,
                                    chunks_total, chunks_done, pairs_scored, matches_written)
            values (@running, @now, @now, @key, @by, @date, @model, 0, 0, 0, 0)
            on conflict (run_key) do nothing returning id
            """, ct, ("running", (int)MatchRunStatus.Running), ("now", now), ("key", runKey), ("by", triggeredBy),
            ("date", RecurringJobs.MoroccoToday(clock)), ("model", scoring.CurrentModelVersion()));
        if (created is not { } runId)
        {
            await tx.RollbackAsync(ct);
            return await ScalarAsync<int>(connection, null, "select id from match_runs where run_key = @key", ct, ("key", runKey));
        }

        // The run's own partition of matches, bare (no index, no foreign key) while the chunks COPY into it.
        await ExecuteAsync(connection, tx, "select matches_create_partition(@run)", ct, ("run", runId));
        var candidates = await ExecuteAsync(connection, tx, """
            insert into match_run_candidates (run_id, candidate_id)
            select @run, c.id from candidates c
            where c.is_active and exists (select 1 from consents k where k.candidate_id = c.id and k.purpose = @matching and k.revoked_at is null)
            """, ct, ("run", runId), ("matching", (int)ConsentPurpose.Matching));
        var vacancyIds = new List<int>();
        await using (var command = new NpgsqlCommand("select id from vacancies where status = @open order by id", connection, tx))
        {
            command.Parameters.AddWithValue("open", (int)VacancyStatus.Open);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) vacancyIds.Add(reader.GetInt32(0));
        }
        var chunks = candidates == 0 ? [] : vacancyIds.Chunk(options.Value.VacanciesPerChunk).ToList();
        for (var i = 0; i < chunks.Count; i++)
            await ExecuteAsync(connection, tx, "insert into match_run_chunks (run_id, chunk_no, status, vacancy_ids, attempts, pairs_scored, rows_written) values (@run, @no, @pending, @ids, 0, 0, 0)",
                ct, ("run", runId), ("no", i), ("pending", (int)MatchRunChunkStatus.Pending), ("ids", chunks[i]));
        await ExecuteAsync(connection, tx, "update match_runs set chunks_total = @n, status = case when @n = 0 then @completed else status end where id = @run",
            ct, ("n", chunks.Count), ("completed", (int)MatchRunStatus.Completed), ("run", runId));
        await tx.CommitAsync(ct);
        logger.LogInformation("Run {Run} ({Key}): {Candidates} candidates, {Vacancies} open vacancies, {Chunks} chunks", runId, runKey, candidates, vacancyIds.Count, chunks.Count);
        return runId;
    }

    /// <summary>Safety check, every few minutes: re-enqueues chunks whose job was lost, publishes finished runs.</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var runs = new List<int>();
        await using (var command = new NpgsqlCommand("select id from match_runs where status in (@running, @completed) order by id", connection))
        {
            command.Parameters.AddWithValue("running", (int)MatchRunStatus.Running);
            command.Parameters.AddWithValue("completed", (int)MatchRunStatus.Completed);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) runs.Add(reader.GetInt32(0));
        }
        foreach (var run in runs) await EnsureEnqueuedAsync(connection, run, ct);
    }

    private async Task EnsureEnqueuedAsync(NpgsqlConnection connection, int runId, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The run's row lock keeps two checkers from enqueuing the same chunk twice.
        var status = (MatchRunStatus)await ScalarAsync<int>(connection, tx, "select status from match_runs where id = @run for update", ct, ("run", runId));
        if (status is not (MatchRunStatus.Running or MatchRunStatus.Completed)) { await tx.RollbackAsync(ct); return; }
        var open = new List<(int No, string? JobId, int Attempts)>();
        await using (var command = new NpgsqlCommand("select chunk_no, job_id, attempts from match_run_chunks where run_id = @run and status <> @done order by chunk_no", connection, tx))
        {
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("done", (int)MatchRunChunkStatus.Done);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) open.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2)));
        }
        var publish = open.Count == 0;
        foreach (var chunk in open.Where(c => JobIsOver(c.JobId)))
        {
            if (chunk.Attempts >= options.Value.MaxChunkAttempts)
            {
                await ExecuteAsync(connection, tx, "update match_runs set status = @failed, error = @error where id = @run", ct,
                    ("failed", (int)MatchRunStatus.Failed), ("error", $"chunk {chunk.No} failed {chunk.Attempts} times; see its error"), ("run", runId));
                break;
            }
            var jobId = jobs.Enqueue<NightlyChunkJob>(j => j.RunAsync(runId, chunk.No, CancellationToken.None));
            await ExecuteAsync(connection, tx, "update match_run_chunks set job_id = @job where run_id = @run and chunk_no = @no", ct, ("job", jobId), ("run", runId), ("no", chunk.No));
        }
        await tx.CommitAsync(ct);
        if (publish) jobs.Enqueue<NightlyPipeline>(p => p.PublishAsync(runId, CancellationToken.None));
    }

    /// <summary>
    /// True when no live Hangfire job is looking after the chunk: never enqueued, finished, failed or deleted, or
    /// "Processing" on a server that stopped beating (killed, power cut). Hangfire gives a dead server's job back after
    /// the invisibility timeout, but a chunk must not hang on that alone; a chunk run twice writes the same rows.
    /// </summary>
    private bool JobIsOver(string? jobId)
    {
        if (jobId is null) return true;
        using var connection = storage.GetConnection();
        var state = connection.GetJobData(jobId)?.State;
        if (state is null or "Succeeded" or "Failed" or "Deleted") return true;
        if (state != "Processing") return false;
        if (connection.GetStateData(jobId)?.Data is not { } data || !data.TryGetValue("ServerId", out var serverId)) return false;
        var server = storage.GetMonitoringApi().Servers().FirstOrDefault(s => s.Name == serverId);
        return server?.Heartbeat is not { } heartbeat || clock.GetUtcNow().UtcDateTime - heartbeat > DeadServerAfter;
    }

    /// <summary>A server whose last heartbeat is older than this is dead (Hangfire servers beat every 30 s).</summary>
    internal static readonly TimeSpan DeadServerAfter = TimeSpan.FromSeconds(90);

    /// <summary>Flips the run to Published in one transaction once every chunk is done; does nothing otherwise (the check comes back).</summary>
    public async Task<bool> PublishAsync(int runId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var status = (MatchRunStatus)await ScalarAsync<int>(connection, tx, "select status from match_runs where id = @run for update", ct, ("run", runId));
        if (status is not (MatchRunStatus.Running or MatchRunStatus.Completed)) return status == MatchRunStatus.Published;
        var unfinished = await ScalarAsync<long>(connection, tx, "select count(*) from match_run_chunks where run_id = @run and status <> @done", ct,
            ("run", runId), ("done", (int)MatchRunChunkStatus.Done));
        if (unfinished > 0) return false;
        var now = clock.GetUtcNow();
        // Indexes built once over the whole run rather than maintained row by row during its COPYs; in this
        // transaction, so the run is never published without them.
        await ExecuteAsync(connection, tx, "select matches_index_partition(@run)", ct, ("run", runId));
        var fairness = await RunFairness.ComputeJsonAsync(connection, tx, runId, ct);
        await using (var publish = new NpgsqlCommand("""
            update match_runs set status = @published, published_at = @now, completed_at = coalesce(completed_at, @now), error = null, fairness_json = @fairness
            where id = @run
            """, connection, tx))
        {
            publish.Parameters.AddWithValue("published", (int)MatchRunStatus.Published);
            publish.Parameters.AddWithValue("now", now);
            publish.Parameters.AddWithValue("run", runId);
            publish.Parameters.AddWithValue("fairness", NpgsqlTypes.NpgsqlDbType.Jsonb, fairness);
            await publish.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Run {Run} published", runId);
        jobs.Enqueue<EmployerMorningSummaryJob>(j => j.RunAsync(runId, CancellationToken.None));
        await DropOldMatchesAsync(connection, runId, ct);
        return true;
    }

    /// <summary>
    /// Drops the matches of published runs older than the <see cref="JobsOptions.PublishedRunsKept"/> newest, and of
    /// failed runs older than <paramref name="publishedRunId"/>: a whole partition at once (detach, drop), so neither
    /// a long delete nor dead rows for vacuum, and the portal's queries keep planning over a few partitions.
    /// Best effort: a partition that a reader holds past the lock timeout is left for the next publication.
    /// </summary>
    private async Task DropOldMatchesAsync(NpgsqlConnection connection, int publishedRunId, CancellationToken ct)
    {
        var old = new List<int>();
        await using (var command = new NpgsqlCommand("""
            select r.id from match_runs r
            where r.id < @run and to_regclass('matches_run_' || r.id) is not null
              and (r.status = @failed or (r.status = @published and r.id not in
                   (select k.id from match_runs k where k.status = @published order by k.published_at desc, k.id desc limit @kept)))
            order by r.id
            """, connection))
        {
            command.Parameters.AddWithValue("run", publishedRunId);
            command.Parameters.AddWithValue("failed", (int)MatchRunStatus.Failed);
            command.Parameters.AddWithValue("published", (int)MatchRunStatus.Published);
            command.Parameters.AddWithValue("kept", options.Value.PublishedRunsKept);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) old.Add(reader.GetInt32(0));
        }
        foreach (var run in old)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            try
            {
                await ExecuteAsync(connection, tx, "set local lock_timeout = '2s'", ct);
                await ExecuteAsync(connection, tx, "select matches_drop_partition(@run)", ct, ("run", run));
                await tx.CommitAsync(ct);
                logger.LogInformation("Run {Run}: matches dropped", run);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await tx.RollbackAsync(ct);
                logger.LogWarning("Run {Run}: its matches are in use, dropped at the next publication", run);
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    internal static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(ct);
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
