namespace Matching.Data.Import;

/// <summary>Imports ESCO and Morocco's geography from the shipped files, in one transaction, idempotently.</summary>
public static class ReferenceDataImporter
{
    // TODO(helper-data): implement.
    public static Task<IReadOnlyList<ImportSummary>> ImportAllAsync(MatchingDbContext db, TextWriter log, CancellationToken ct) =>
        throw new NotImplementedException();
}
