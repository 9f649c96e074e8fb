using Matching.Data;
using Matching.Data.Demo;
using Matching.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Matching.Integration.Tests.Infrastructure;

/// <summary>Every integration and browser test shares the one fixture below, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MatchingCollection : ICollectionFixture<MatchingFixture>
{
    public const string Name = "Matching";
}

/// <summary>
/// One throwaway PostgreSQL cluster, one database migrated with the real migrations, the reference data and a
/// small demo data set imported once, and the built portal running against that database on a free port.
/// <see cref="ResetAsync"/> (called before each test by <see cref="MatchingTest"/>) empties what tests write.
/// </summary>
public sealed class MatchingFixture : IAsyncLifetime
{
    /// <summary>Small enough to seed in seconds, big enough that every demo account has rows to show.</summary>
    public static readonly DemoOptions Demo = new(Seed: 20261123, Candidates: 200, Employers: 20, Vacancies: 60);

    private Respawner? _respawner;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private StreamWriter? _log;

    public PostgresCluster Cluster { get; private set; } = null!;
    /// <summary>The shared test database: reference data, the small demo data set, and what the current test writes.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Migrated, reference data only, never written by tests: a template for <see cref="CreateReferenceDatabaseAsync"/>.</summary>
    private string ReferenceConnectionString { get; set; } = "";
    public WebHostProcess Web { get; private set; } = null!;
    public IReadOnlyList<ImportSummary> ReferenceImport { get; private set; } = [];
    public ImportSummary DemoImport { get; private set; } = null!;

    /// <summary>Tables holding reference and demo data (plus the migrations history): never reset.</summary>
    public IReadOnlyList<string> SeededTables { get; private set; } = [];

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop the cluster and the portal here.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        _log = new StreamWriter(Path.Combine(RepositoryLayout.TestResults(), "fixture.log")) { AutoFlush = true };
        Cluster = await PostgresCluster.StartAsync();
        ReferenceConnectionString = await Cluster.CreateDatabaseAsync("reference");
        await using (var db = CreateDbContext(ReferenceConnectionString))
        {
            await db.Database.MigrateAsync();
            ReferenceImport = await ReferenceDataImporter.ImportAllAsync(db, _log, CancellationToken.None);
        }
        ConnectionString = await Cluster.CreateDatabaseAsync("matching", ReferenceConnectionString);
        await using (var db = CreateDbContext())
            DemoImport = await DemoDataSeeder.SeedAsync(db, Demo, _log, CancellationToken.None);

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            SeededTables = await TablesToKeepAsync(connection);
            _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = ["public"],
                TablesToIgnore = SeededTables.Select(t => new Table("public", t)).ToArray(),
            });
        }
        Web = await WebHostProcess.StartAsync(ConnectionString);
    }

    /// <summary>A fresh database of this run, migrated and holding the reference data (copied, not re-imported).</summary>
    public Task<string> CreateReferenceDatabaseAsync(string name) => Cluster.CreateDatabaseAsync(name, ReferenceConnectionString);

    public MatchingDbContext CreateDbContext() => CreateDbContext(ConnectionString);

    public static MatchingDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        DataServiceCollectionExtensions.Configure(options, connectionString);
        return new MatchingDbContext(options.Options);
    }

    /// <summary>Empties every table the tests write to, keeping the reference and demo data.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    /// <summary>Debian's Chromium, headless, launched once for the run; Playwright never downloads a browser here.</summary>
    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is not null) return _browser;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return _browser;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Web is not null) await Web.DisposeAsync();
        if (Cluster is not null) await Cluster.DisposeAsync();
        _log?.Dispose();
    }

    /// <summary>
    /// The tables with rows after seeding, plus every table they reference: Respawn empties tables with
    /// TRUNCATE … CASCADE, which would otherwise also empty a seeded table that points at a reset one.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TablesToKeepAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var keep = new HashSet<string>(StringComparer.Ordinal) { "__ef_migrations_history" };
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM public.\"{table}\")", connection);
            if ((bool)(await command.ExecuteScalarAsync())!) keep.Add(table);
        }

        var references = new List<(string From, string To)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.conrelid::regclass::text, c.confrelid::regclass::text
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.contype = 'f' AND n.nspname = 'public'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) references.Add((reader.GetString(0).Trim('"'), reader.GetString(1).Trim('"')));

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (from, to) in references)
                if (keep.Contains(from) && keep.Add(to)) changed = true;
        }
        return keep.Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>Base of every integration and browser test: the shared fixture, reset before each test.</summary>
[Collection(MatchingCollection.Name)]
public abstract class MatchingTest(MatchingFixture fixture) : IAsyncLifetime
{
    protected MatchingFixture Fixture { get; } = fixture;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
