using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;

namespace Matching.Integration.Tests.Foundation;

/// <summary>The built `matching` CLI, run as a process the way run.sh and operators run it.</summary>
public sealed class CliTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private static Task<ProcessResult> MatchingAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [RepositoryLayout.CliDll, .. args], environment);

    private static readonly Dictionary<string, string?> NoConnection = new()
    {
        ["ConnectionStrings__Matching"] = null,
        ["MATCHING_REFERENCE_DATA"] = null,
    };

    [Fact]
    public async Task Db_migrate_without_a_connection_string_exits_1_with_one_clear_sentence()
    {
        var result = await MatchingAsync(NoConnection, "db", "migrate");

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("ConnectionStrings__Matching", lines[0]);
    }

    [Fact]
    public async Task Db_migrate_with_an_unknown_option_exits_2_and_names_it()
    {
        var result = await MatchingAsync(NoConnection, "db", "migrate", "--bogus");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--bogus", result.StandardError);
    }

    [Fact]
    public async Task Db_migrate_against_the_test_database_reports_it_up_to_date()
    {
        var result = await MatchingAsync(
            new Dictionary<string, string?> { ["ConnectionStrings__Matching"] = Fixture.ConnectionString }, "db", "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("up to date", result.StandardError);
    }

    [Fact]
    public async Task Demo_logins_lists_every_demo_account_and_the_password()
    {
        var result = await MatchingAsync(NoConnection, "demo", "logins");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(DemoAccounts.Password, result.StandardOutput);
        foreach (var account in DemoAccounts.All) Assert.Contains(account.Email, result.StandardOutput);
    }
}
