using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Matching.Integration.Tests.Foundation;

public sealed class MigrationTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task The_real_migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        var connectionString = await Fixture.Cluster.CreateDatabaseAsync("migrations");
        await using var db = MatchingFixture.CreateDbContext(connectionString);

        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        // Every entity of the model got its table.
        var tables = await ScalarListAsync(connectionString, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
        var expected = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        Assert.Empty(expected.Except(tables));
        var extensions = await ScalarListAsync(connectionString, "SELECT extname FROM pg_extension");
        Assert.Contains("pg_trgm", extensions);
        Assert.Contains("unaccent", extensions);
    }

    [Fact]
    public async Task The_shared_test_database_is_fully_migrated()
    {
        await using var db = Fixture.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    private static async Task<List<string>> ScalarListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
