using Npgsql;
using NpgsqlTypes;

namespace Matching.Jobs.Nightly;

/// <summary>A match row as the nightly run writes it.</summary>
public sealed record MatchRow(int CandidateId, int VacancyId, double Score, int Rank, string ExplanationJson);

/// <summary>Writes match rows with PostgreSQL binary COPY (one round trip for thousands of rows, no per-row statements).</summary>
public static class MatchCopy
{
    /// <summary>
    /// COPYs <paramref name="rows"/> into matches (PostgreSQL routes them to the run's partition) or into
    /// <paramref name="table"/>, a table of the same columns (the benchmark's probes).
    /// </summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, int runId, IReadOnlyList<MatchRow> rows, CancellationToken ct, string table = "matches")
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"copy {table} (run_id, vacancy_id, rank, candidate_id, score, explanation_json) from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            // Synchronous writes: they only fill Npgsql's buffer (it flushes when full); an await per value costs more than the value.
            importer.StartRow();
            importer.Write(runId, NpgsqlDbType.Integer);
            importer.Write(row.VacancyId, NpgsqlDbType.Integer);
            importer.Write(row.Rank, NpgsqlDbType.Integer);
            importer.Write(row.CandidateId, NpgsqlDbType.Integer);
            importer.Write(row.Score, NpgsqlDbType.Double);
            importer.Write(row.ExplanationJson, NpgsqlDbType.Json);
        }
        await importer.CompleteAsync(ct);
        return rows.Count;
    }
}
