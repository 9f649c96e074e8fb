using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Matching.Core.Domain;
using Matching.Core.Engine;
using Matching.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using static Matching.Jobs.Nightly.NightlyPipeline;

namespace Matching.Jobs.Nightly;

/// <summary>
/// Scores one chunk of a run and writes its shortlists: delete the chunk's rows and COPY the new ones in one
/// transaction, with the chunk row locked, so a re-run after a crash (or a second worker picking up the same chunk)
/// leaves exactly the rows one clean run writes. The chunk that completes the run enqueues the publication.
/// </summary>
public sealed class NightlyChunkJob(
    IOptions<DatabaseOptions> database, IBackgroundJobClient jobs, TimeProvider clock, RunScoringCache scoring, ILogger<NightlyChunkJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(int runId, int chunkNo, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        int[] vacancyIds;
        DateOnly referenceDate;
        string modelVersion;
        await using (var command = new NpgsqlCommand("""
            select r.status, r.reference_date, coalesce(r.model_version, 'cold-start'), c.status, c.vacancy_ids
            from match_runs r join match_run_chunks c on c.run_id = r.id where r.id = @run and c.chunk_no = @no
            """, connection))
        {
            command.Parameters.AddWithValue("run", runId);
            command.Parameters.AddWithValue("no", chunkNo);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) { logger.LogWarning("Run {Run} chunk {Chunk} does not exist", runId, chunkNo); return; }
            if ((MatchRunStatus)reader.GetInt32(0) != MatchRunStatus.Running || (MatchRunChunkStatus)reader.GetInt32(3) == MatchRunChunkStatus.Done) return;
            referenceDate = reader.GetFieldValue<DateOnly>(1);
            modelVersion = reader.GetString(2);
            vacancyIds = reader.GetFieldValue<int[]>(4);
        }
        var attempt = await ScalarAsync<int>(connection, null, """
            update match_run_chunks set attempts = attempts + 1, status = @running, started_at = @now, error = null
            where run_id = @run and chunk_no = @no returning attempts
            """, ct, ("running", (int)MatchRunChunkStatus.Running), ("now", clock.GetUtcNow()), ("run", runId), ("no", chunkNo));
        try
        {
            var stage = Stopwatch.GetTimestamp();
            var run = await scoring.GetAsync(connection, runId, referenceDate, modelVersion, ct);
            var vacancies = await new ProfileLoader(run.Engine.Graph).VacanciesAsync(connection, vacancyIds, ct);
            ChunkStageTimes.AddLoad(stage);
            stage = Stopwatch.GetTimestamp();
            var result = run.Engine.ShortlistCandidates(run.Pool, vacancies, referenceDate);
            ChunkStageTimes.AddScore(stage);
            stage = Stopwatch.GetTimestamp();
            var rows = Rows(run, vacancies, result);
            ChunkStageTimes.AddExplain(stage);
            stage = Stopwatch.GetTimestamp();
            var last = await WriteAsync(connection, runId, chunkNo, attempt, vacancyIds, rows, result.PairsScored, ct);
            ChunkStageTimes.AddWrite(stage);
            if (last) jobs.Enqueue<NightlyPipeline>(p => p.PublishAsync(runId, CancellationToken.None));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = $"chunk {chunkNo}: {e.GetBaseException().Message}";
            await ExecuteAsync(connection, null, "update match_run_chunks set status = @failed, error = @error where run_id = @run and chunk_no = @no and status <> @done",
                CancellationToken.None, ("failed", (int)MatchRunChunkStatus.Failed), ("error", message), ("run", runId), ("no", chunkNo), ("done", (int)MatchRunChunkStatus.Done));
            await ExecuteAsync(connection, null, "update match_runs set error = @error where id = @run", CancellationToken.None, ("error", message), ("run", runId));
            throw;
        }
    }

    private static List<MatchRow> Rows(RunScoring run, List<VacancyProfile> vacancies, RankingResult result)
    {
        var byId = vacancies.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var rows = new List<MatchRow>(result.Lists.Sum(l => l.Matches.Count));
        foreach (var list in result.Lists)
        {
            var vacancy = byId[list.QueryId];
            var rank = 0;
            foreach (var m in list.Matches)
            {
                var explanation = MatchExplanation.Explain(run.Engine.Graph, run.Candidates[m.CandidateId], vacancy, m.Features, m.Score, run.Engine.Scorer.Name);
                rows.Add(new MatchRow(int.Parse(m.CandidateId, CultureInfo.InvariantCulture), int.Parse(m.VacancyId, CultureInfo.InvariantCulture),
                    m.Score, ++rank, ExplanationJson.Write(explanation, run.Candidates[m.CandidateId], run.SkillIds)));
            }
        }
        return rows;
    }

    /// <summary>Delete + COPY + counters in one transaction. Returns true when this chunk completed the run.</summary>
    private async Task<bool> WriteAsync(NpgsqlConnection connection, int runId, int chunkNo, int attempt, int[] vacancyIds, List<MatchRow> rows, long pairsScored, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var status = (MatchRunChunkStatus)await ScalarAsync<int>(connection, tx, "select status from match_run_chunks where run_id = @run and chunk_no = @no for update",
            ct, ("run", runId), ("no", chunkNo));
        if (status == MatchRunChunkStatus.Done) { await tx.RollbackAsync(ct); return false; }
        // Rows of this chunk exist only if an earlier attempt committed them. The first attempt skips the delete: while
        // the run writes, its partition has no index, so the delete would scan every row written so far.
        if (attempt > 1)
            await ExecuteAsync(connection, tx, "delete from matches where run_id = @run and vacancy_id = any(@ids)", ct, ("run", runId), ("ids", vacancyIds));
        await MatchCopy.WriteAsync(connection, runId, rows, ct);
        await ExecuteAsync(connection, tx, """
            update match_run_chunks set status = @done, pairs_scored = @pairs, rows_written = @rows, completed_at = @now, error = null
            where run_id = @run and chunk_no = @no
            """, ct, ("done", (int)MatchRunChunkStatus.Done), ("pairs", pairsScored), ("rows", rows.Count), ("now", clock.GetUtcNow()), ("run", runId), ("no", chunkNo));
        // The run's row lock serialises the counters: exactly one chunk sees chunks_done reach chunks_total.
        var last = await ScalarAsync<bool>(connection, tx, """
            update match_runs set chunks_done = chunks_done + 1, pairs_scored = pairs_scored + @pairs, matches_written = matches_written + @rows,
                   status = case when chunks_done + 1 = chunks_total then @completed else status end,
                   completed_at = case when chunks_done + 1 = chunks_total then @now else completed_at end
            where id = @run returning chunks_done = chunks_total
            """, ct, ("pairs", pairsScored), ("rows", rows.Count), ("completed", (int)MatchRunStatus.Completed), ("now", clock.GetUtcNow()), ("run", runId));
        await tx.CommitAsync(ct);
        logger.LogInformation("Run {Run} chunk {Chunk}: {Pairs} pairs scored, {Rows} matches written", runId, chunkNo, pairsScored, rows.Count);
        return last;
    }
}
