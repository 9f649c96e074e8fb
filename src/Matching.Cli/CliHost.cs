using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Matching.Cli;

/// <summary>Builds the services a database command needs from appsettings.json and the environment.</summary>
public static class CliHost
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static ServiceProvider Services(IConfiguration? configuration = null)
    {
        configuration ??= Configuration();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton(configuration);
        services.AddMatchingData(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Opens a context and checks the server answers, turning the usual failures into one clear sentence.</summary>
    public static async Task<MatchingDbContext> OpenDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        var cs = services.GetRequiredService<IConfiguration>().GetConnectionString("Matching");
        if (string.IsNullOrWhiteSpace(cs))
            throw new CliFailure("ConnectionStrings__Matching is not set: run ./run.sh, or export ConnectionStrings__Matching=\"Host=…;Port=…;Database=…;Username=…\".");
        if (!ConnectionStrings.IsValid(cs)) throw new CliFailure(ConnectionStrings.InvalidMessage);
        var db = services.GetRequiredService<MatchingDbContext>();
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            var b = new NpgsqlConnectionStringBuilder(cs);
            throw new CliFailure($"cannot reach PostgreSQL at {b.Host}:{b.Port} (database '{b.Database}'): {e.GetBaseException().Message}. Start it with ./run.sh or fix ConnectionStrings__Matching.", e);
        }
        return db;
    }
}
