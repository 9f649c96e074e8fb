using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Data;

/// <summary>
/// One connection attempt, so an unreachable server stops a host at once with Npgsql's reason instead of
/// Hangfire retrying its schema install and locks for a minute. Called where Hangfire's storage is built, which every
/// host (the portal, through its dashboard, and the worker) does while starting.
/// </summary>
public static class DatabaseConnectivity
{
    public static void ThrowIfUnreachable(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 10, Pooling = false };
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
    }
}

/// <summary>Turns the start-up failures an operator can fix (settings, an unreachable server) into one sentence.</summary>
public static class StartupFailure
{
    /// <summary>The sentence for <paramref name="e"/>, or null when it is a bug that deserves its stack trace.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException o => $"cannot start: {string.Join(" ", o.Failures)}",
        NpgsqlException n => $"cannot reach PostgreSQL ({n.GetBaseException().Message}): start it with ./run.sh or fix ConnectionStrings__Matching.",
        _ => null,
    };
}
