using System.Diagnostics;
using Matching.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Matching.Data.Demo;

/// <param name="Seed">Seed of the generator: one seed (and one <paramref name="Today"/>) gives one data set.</param>
/// <param name="Today">Anchor of every relative date (ages, document expiry, closing dates); today (UTC) when null.</param>
public sealed record DemoOptions(int Seed = 20261123, int Candidates = 2000, int Employers = 150, int Vacancies = 600, DateOnly? Today = null)
{
    public DateOnly AnchorDate => Today ?? DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>Seeds the deterministic synthetic demo data set; every row is flagged synthetic.</summary>
public static class DemoDataSeeder
{
    public const string ImportName = "demo";

    /// <summary>Bump when the generator changes what it writes for a given seed.</summary>
    public const int GeneratorVersion = 1;

    /// <summary>
    /// Generates the demo data set in one transaction and records it as the "demo" import; does nothing when that
    /// record exists. Throws <see cref="MissingReferenceDataException"/> when ESCO or the cities are not imported.
    /// </summary>
    public static async Task<ImportSummary> SeedAsync(MatchingDbContext db, DemoOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        if (options.Employers < 2) throw new ArgumentOutOfRangeException(nameof(options), "the demo needs at least 2 employers (the demo accounts').");

        var existing = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Name == ImportName, ct);
        if (existing is not null)
            return new ImportSummary(ImportName, true, new Dictionary<string, int>());

        var reference = await DemoReference.LoadAsync(db, ct);
        var clock = Stopwatch.StartNew();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var generator = new DemoGenerator(reference, options, log);
            var rows = await generator.WriteAsync(db, ct);
            db.Imports.Add(new ImportRecord
            {
                Name = ImportName,
                Version = $"generator {GeneratorVersion}; seed {options.Seed}; today {options.AnchorDate:yyyy-MM-dd}; " +
                          $"{options.Candidates} candidates, {options.Employers} employers, {options.Vacancies} vacancies",
                ImportedAt = DateTimeOffset.UtcNow,
                Rows = rows.Values.Sum(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            log.WriteLine($"demo: seeded in {clock.Elapsed.TotalSeconds:0.0} s.");
            return new ImportSummary(ImportName, false, rows);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }
}
