using System.Data;
using System.Diagnostics;
using Matching.Core.Reference;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Matching.Data.Import;

/// <summary>Imports ESCO and Morocco's geography from the shipped files, in one transaction, idempotently.</summary>
public static class ReferenceDataImporter
{
    public const string EscoSet = "esco";
    public const string MoroccoSet = "morocco";
    /// <summary>Version of the Morocco data set: the Boughrous divisions plus revision 1 of our city gazetteer.</summary>
    public const string MoroccoVersion = "2024-boughrous+gazetteer-1";

    /// <summary>
    /// Imports each reference data set not yet recorded in <c>imports</c>, with binary COPY, all in one transaction:
    /// on any error nothing is written. A set already imported at the same version is reused.
    /// </summary>
    /// <exception cref="InvalidDataException">A file is missing or corrupt, or the database holds another version.</exception>
    public static async Task<IReadOnlyList<ImportSummary>> ImportAllAsync(MatchingDbContext db, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            // Two imports started together (CLI and web start-up) would otherwise both see an empty `imports` table.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('matching reference import'))", connection))
                await lockCommand.ExecuteNonQueryAsync(ct);

            var done = await db.Imports.AsNoTracking().ToDictionaryAsync(i => i.Name, i => i.Version, ct);
            var summaries = new List<ImportSummary>
            {
                await ImportSetAsync(db, EscoSet, ReferenceDataFiles.EscoVersion, done, () => EscoImport.WriteAsync(connection, log, ct), log, ct),
                await ImportSetAsync(db, MoroccoSet, MoroccoVersion, done, () => MoroccoImport.WriteAsync(connection, log, ct), log, ct),
            };
            await transaction.CommitAsync(ct);
            log.WriteLine($"reference data: done in {clock.Elapsed.TotalSeconds:0.0} s.");
            return summaries;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<ImportSummary> ImportSetAsync(
        MatchingDbContext db, string name, string version, Dictionary<string, string> done,
        Func<Task<IReadOnlyDictionary<string, int>>> write, TextWriter log, CancellationToken ct)
    {
        if (done.TryGetValue(name, out var existing))
        {
            if (existing == version) return new ImportSummary(name, AlreadyPresent: true, new Dictionary<string, int>());
            throw new InvalidDataException(
                $"The database holds {name} reference data version {existing} but this build ships version {version}; " +
                "importing a new version over an old one is not supported, so migrate a fresh database and import there.");
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, int> rows;
        try
        {
            rows = await write();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The caller's transaction is disposed without commit, so PostgreSQL rolls everything back.
            var advice = e is FileNotFoundException
                ? "then run the import again" // the message already says how to restore the file
                : $"restore the files under {ReferenceDataFiles.Root} (git checkout -- src/Matching.Core/ReferenceData) and run the import again";
            throw new InvalidDataException($"Importing the {name} reference data failed and nothing was written: {e.Message.TrimEnd('.')}; {advice}.", e);
        }

        db.Imports.Add(new ImportRecord { Name = name, Version = version, ImportedAt = DateTimeOffset.UtcNow, Rows = rows.Values.Sum() });
        await db.SaveChangesAsync(ct);
        log.WriteLine($"{name} {version}: {rows.Values.Sum()} rows in {clock.Elapsed.TotalSeconds:0.0} s.");
        return new ImportSummary(name, AlreadyPresent: false, rows);
    }
}

/// <summary>Binary COPY into one table; values are mapped to the few column types the reference tables use.</summary>
internal static class BinaryCopy
{
    /// <summary>Writes one row per item, <paramref name="values"/> giving the columns in <paramref name="columns"/> order.</summary>
    public static async Task<int> WriteAsync<T>(
        NpgsqlConnection connection, string table, string columns, IEnumerable<T> items, Func<T, object?[]> values, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var rows = 0;
        foreach (var item in items)
        {
            await importer.StartRowAsync(ct);
            foreach (var value in values(item))
                await (value switch
                {
                    null => importer.WriteNullAsync(ct),
                    int i => importer.WriteAsync(i, NpgsqlDbType.Integer, ct),
                    bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean, ct),
                    double d => importer.WriteAsync(d, NpgsqlDbType.Double, ct),
                    string s => importer.WriteAsync(s, NpgsqlDbType.Text, ct),
                    IEnumerable<string> list => importer.WriteAsync(list.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct),
                    _ => throw new ArgumentException($"{table}: no COPY mapping for {value.GetType().Name}.", nameof(values)),
                });
            rows++;
        }
        await importer.CompleteAsync(ct); // without it, disposing the importer cancels the COPY
        return rows;
    }

    /// <summary>Moves an identity column's sequence past the ids written explicitly, so later EF inserts get fresh ids.</summary>
    public static async Task ResetIdentityAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1), (SELECT max(id) FROM {table}) IS NOT NULL)",
            connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
