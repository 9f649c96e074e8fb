using System.Globalization;
using System.Text.Json;
using Matching.Core.Domain;
using Matching.Core.Engine;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>
/// The fairness audit stored on each published run (match_runs.fairness_json). Gender and status are read here, apart
/// from the profiles the scorer sees, only to measure shortlist rates by group; groups are the enum names in lower case.
/// </summary>
public static class RunFairness
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Computes the audit of <paramref name="runId"/> over its candidate snapshot and returns it as JSON.</summary>
    public static async Task<string> ComputeJsonAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, int runId, CancellationToken ct)
    {
        var attributes = new Dictionary<string, ReportingAttributes>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("""
            select c.id, c.gender, c.status from match_run_candidates r join candidates c on c.id = r.candidate_id where r.run_id = @run
            """, connection, tx))
        {
            command.Parameters.AddWithValue("run", runId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                attributes[reader.GetInt32(0).ToString(CultureInfo.InvariantCulture)] = new ReportingAttributes(
                    Group((Gender)reader.GetInt32(1)), Group((MigrationStatus)reader.GetInt32(2)));
        }
        var shortlisted = new List<string>();
        await using (var command = new NpgsqlCommand("select distinct candidate_id from matches where run_id = @run", connection, tx))
        {
            command.Parameters.AddWithValue("run", runId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) shortlisted.Add(reader.GetInt32(0).ToString(CultureInfo.InvariantCulture));
        }
        return JsonSerializer.Serialize(FairnessAudit.Compute(shortlisted, attributes), Json);
    }

    /// <summary>The stored audit, or null when the run has none (not published yet, or published before audits were stored).</summary>
    public static FairnessReport? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<FairnessReport>(json, Json);

    private static string? Group<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString().ToLowerInvariant() : null;
}
