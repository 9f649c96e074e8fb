using Npgsql;
using NpgsqlTypes;

namespace Matching.Jobs.Nightly;

/// <summary>A match row as the nightly run writes it.</summary>
public sealed record MatchRow(int CandidateId, int VacancyId, double Score, int Rank, string ExplanationJson);

/// <summary>Writes match rows with PostgreSQL binary COPY (one round trip for thousands of rows, no per-row statements).</summary>
public static class MatchCopy
{
    public static async Task<int> WriteAsync(NpgsqlConnection connection, int runId, IReadOnlyList<MatchRow> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "copy matches (run_id, candidate_id, vacancy_id, score, rank, explanation_json) from stdin (format binary)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(runId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.CandidateId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.VacancyId, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.Score, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(row.Rank, NpgsqlDbType.Integer, ct);
            await importer.WriteAsync(row.ExplanationJson, NpgsqlDbType.Jsonb, ct);
        }
        await importer.CompleteAsync(ct);
        return rows.Count;
    }
}
