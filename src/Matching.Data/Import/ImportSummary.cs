namespace Matching.Data.Import;

/// <summary>What an import did: rows written per table, or that it was already there.</summary>
public sealed record ImportSummary(string Name, bool AlreadyPresent, IReadOnlyDictionary<string, int> Rows)
{
    public override string ToString() => AlreadyPresent
        ? $"{Name}: already imported, reused."
        : $"{Name}: " + string.Join(", ", Rows.Select(r => $"{r.Value} {r.Key}"));
}
