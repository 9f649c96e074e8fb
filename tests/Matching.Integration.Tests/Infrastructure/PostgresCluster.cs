using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Matching.Integration.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for the test run: the one named by MATCHING_TEST_CONNECTION, or else a throwaway cluster
/// initialised from the machine's binaries into a temp folder (as the `postgres` user when we are root, since
/// initdb refuses root), tuned for speed and deleted at the end. Databases are created per run and dropped.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string? _binDirectory;
    private readonly string? _folder;
    private readonly string _adminConnectionString;
    private readonly string _runSuffix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _databases = [];

    private PostgresCluster(string adminConnectionString, string? binDirectory, string? folder)
    {
        _adminConnectionString = adminConnectionString;
        _binDirectory = binDirectory;
        _folder = folder;
    }

    /// <summary>Where the server's own log is, when this run started the server.</summary>
    public string? LogFile => _folder is null ? null : Path.Combine(_folder, "server.log");

    public static async Task<PostgresCluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("MATCHING_TEST_CONNECTION") is { Length: > 0 } external)
        {
            var admin = new NpgsqlConnectionStringBuilder(external) { Database = "postgres", Pooling = false };
            return new PostgresCluster(admin.ConnectionString, null, null);
        }

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL's initdb was not found under /usr/lib/postgresql/*/bin or on PATH: install the postgresql package (./test.sh does) or set MATCHING_TEST_CONNECTION.");
        var folder = Path.Combine(Path.GetTempPath(), "matching-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        if (IsRoot) await ProcessRunner.RunCheckedAsync("chown", "postgres:postgres", folder);

        var data = Path.Combine(folder, "data");
        await AsPostgresAsync(Path.Combine(bin, "initdb"),
            "-D", data, "-U", "matching", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreeTcpPort();
        await AsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200",
            "start");
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "matching", Database = "postgres", Pooling = false,
        };
        return new PostgresCluster(connection.ConnectionString, bin, folder);
    }

    /// <summary>
    /// Creates a database unique to this run, empty or as a copy of <paramref name="templateConnectionString"/>'s
    /// database (a fast file copy; nobody may be connected to the template), and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, string? templateConnectionString = null)
    {
        var database = $"{name}_{_runSuffix}";
        var template = templateConnectionString is null
            ? ""
            : $" TEMPLATE \"{new NpgsqlConnectionStringBuilder(templateConnectionString).Database}\"";
        if (templateConnectionString is not null) NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"{template}", connection);
            await command.ExecuteNonQueryAsync();
        }
        _databases.Add(database);
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_binDirectory is null)
        {
            // Someone else's server: leave it as we found it.
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            foreach (var database in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
            return;
        }

        await AsPostgresAsync(Path.Combine(_binDirectory, "pg_ctl"), "-D", Path.Combine(_folder!, "data"), "-m", "immediate", "-w", "stop");
        try { Directory.Delete(_folder!, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task<ProcessResult> AsPostgresAsync(string program, params string[] arguments) =>
        IsRoot
            ? ProcessRunner.RunCheckedAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ProcessRunner.RunCheckedAsync(program, arguments);

    private static string? FindBinDirectory()
    {
        const string installs = "/usr/lib/postgresql";
        if (Directory.Exists(installs))
        {
            var newest = Directory.GetDirectories(installs)
                .Select(dir => (dir, version: double.TryParse(Path.GetFileName(dir), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "initdb"))
            .FirstOrDefault(File.Exists);
        return onPath is null ? null : Path.GetDirectoryName(new FileInfo(onPath).ResolveLinkTarget(true)?.FullName ?? onPath);
    }
}
