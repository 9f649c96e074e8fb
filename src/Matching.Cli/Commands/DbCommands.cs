using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matching.Cli.Commands;

public sealed class DbMigrateCommand : ICliCommand
{
    public string Name => "db migrate";
    public string Summary => "apply the EF Core migrations to ConnectionStrings__Matching";
    public string Usage => "usage: matching db migrate";

    public async Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        await using var services = CliHost.Services();
        await using var scope = services.CreateAsyncScope();
        var db = await CliHost.OpenDatabaseAsync(scope.ServiceProvider, ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        Console.Error.WriteLine(pending.Count == 0 ? "database is up to date." : $"applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
        return 0;
    }
}
