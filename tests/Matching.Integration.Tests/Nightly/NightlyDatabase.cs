using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Matching.Core.Engine;
using Matching.Data;
using Matching.Jobs.Nightly;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matching.Integration.Tests.Nightly;

/// <summary>
/// PostgreSQL for the nightly tests: the server of MATCHING_TEST_CONNECTION, or a throwaway cluster from the machine's
/// binaries. A template database (migrated, synthetic population written once) is copied for each test, so every
/// test has its own Hangfire storage and runs. To be replaced by the shared fixture when it lands on main.
/// </summary>
public sealed class NightlyDatabase : IAsyncLifetime
{
    public const int Candidates = 1500, Vacancies = 120;
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private string? _folder;
    private string _admin = "";
    private readonly string _template = $"nightly_template_{Guid.NewGuid():N}"[..30];
    private readonly List<string> _databases = [];

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("MATCHING_TEST_CONNECTION") is { Length: > 0 } external)
            _admin = new NpgsqlConnectionStringBuilder(external) { Database = "postgres", Pooling = false }.ConnectionString;
        else
            _admin = await StartClusterAsync();
        await AdminAsync($"create database {_template}");
        var template = ConnectionString(_template);
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        DataServiceCollectionExtensions.Configure(options, template);
        await using (var db = new MatchingDbContext(options.Options)) await db.Database.MigrateAsync();
        var graph = TaxonomyGraph.Default;
        var world = new SyntheticWorld(graph, seed: 5);
        await using (var connection = new NpgsqlConnection(template))
        {
            await connection.OpenAsync();
            await SyntheticPopulation.WriteAsync(connection, graph, world.Candidates(Candidates), world.Vacancies(Vacancies).Select(v => v.Vacancy).ToList(),
                DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh copy of the template database for one test.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"nightly_{Guid.NewGuid():N}"[..24];
        await AdminAsync($"create database {name} template {_template}");
        _databases.Add(name);
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_admin) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StartClusterAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"nightly-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(_folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres {_folder}");
        var port = FreePort();
        Pg($"{Bin}/initdb -D {_folder}/data -U matching --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        Pg($"{Bin}/pg_ctl -D {_folder}/data -o \"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200\" -l {_folder}/log -w start", asRoot);
        await Task.CompletedTask;
        return $"Host=127.0.0.1;Port={port};Database=postgres;Username=matching;Pooling=false";
    }

    private static void Pg(string command, bool asRoot)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {command}");
        else Run("/bin/sh", $"-c \"{command.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed: {error.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is null)
        {
            foreach (var db in _databases.Append(_template)) await AdminAsync($"drop database if exists {db} with (force)");
            return;
        }
        var asRoot = Environment.UserName == "root";
        Pg($"{Bin}/pg_ctl -D {_folder}/data -m immediate stop", asRoot);
        Directory.Delete(_folder, recursive: true);
    }
}
