namespace Matching.Data.Demo;

public sealed record DemoOptions(int Seed = 20261123, int Candidates = 2000, int Employers = 150, int Vacancies = 600);

/// <summary>Seeds the deterministic synthetic demo data set; every row is flagged synthetic.</summary>
public static class DemoDataSeeder
{
    // TODO(helper-demo): implement.
    public static Task<Import.ImportSummary> SeedAsync(MatchingDbContext db, DemoOptions options, TextWriter log, CancellationToken ct) =>
        throw new NotImplementedException();
}
