using Matching.Data.Demo;
using Matching.Data.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Matching.Cli.Commands;

public sealed class DbSeedCommand : ICliCommand
{
    public string Name => "db seed";
    public string Summary => "import the reference data and the synthetic demo data (idempotent)";
    public string Usage => "usage: matching db seed [--no-demo] [--seed N] [--candidates N] [--employers N] [--vacancies N]";

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("no-demo", "seed", "candidates", "employers", "vacancies");
        var defaults = new DemoOptions();
        var options = new DemoOptions(
            args.GetInt("seed", defaults.Seed),
            args.GetInt("candidates", defaults.Candidates, 1, 1_000_000),
            args.GetInt("employers", defaults.Employers, 2, 100_000),
            args.GetInt("vacancies", defaults.Vacancies, 1, 1_000_000));
        await using var services = CliHost.Services();
        await using var scope = services.CreateAsyncScope();
        var db = await CliHost.OpenDatabaseAsync(scope.ServiceProvider, ct);
        await ReferenceImport.RunAsync(db, ct);
        if (!args.Has("no-demo"))
        {
            try
            {
                Console.Error.WriteLine(await DemoDataSeeder.SeedAsync(db, options, Console.Error, ct));
            }
            catch (MissingReferenceDataException e)
            {
                throw new CliFailure(e.Message, e);
            }
        }
        return 0;
    }
}

public sealed class ImportCommand : ICliCommand
{
    public string Name => "import";
    public string Summary => "import reference data: `import reference` (ESCO, Morocco's geography)";
    public string Usage => "usage: matching import reference";

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        if (args.Positional is not ["reference"]) throw new UsageException("say what to import: `reference`.");
        await using var services = CliHost.Services();
        await using var scope = services.CreateAsyncScope();
        var db = await CliHost.OpenDatabaseAsync(scope.ServiceProvider, ct);
        await ReferenceImport.RunAsync(db, ct);
        return 0;
    }
}

internal static class ReferenceImport
{
    /// <summary>Runs the reference import; a missing or corrupt file becomes a one-sentence failure (exit 1).</summary>
    public static async Task RunAsync(Matching.Data.MatchingDbContext db, CancellationToken ct)
    {
        try
        {
            foreach (var summary in await ReferenceDataImporter.ImportAllAsync(db, Console.Error, ct))
                Console.Error.WriteLine(summary);
        }
        catch (InvalidDataException e)
        {
            throw new CliFailure(e.Message, e);
        }
    }
}
