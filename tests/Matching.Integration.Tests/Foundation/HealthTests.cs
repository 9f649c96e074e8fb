using System.Net;
using Matching.Integration.Tests.Infrastructure;
using Npgsql;

namespace Matching.Integration.Tests.Foundation;

public sealed class HealthTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var http = Fixture.Web.CreateClient();
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_503_once_the_database_port_is_closed()
    {
        // The portal starts through a forwarder to the test database, then the forwarder closes its port.
        var target = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString);
        await using var forwarder = new TcpForwarder(target.Port);
        var throughForwarder = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Port = forwarder.Port, Timeout = 3 };
        // A Hangfire server retrying a dead database only slows the shutdown; health does not depend on it.
        await using var web = await WebHostProcess.StartAsync(throughForwarder.ConnectionString, "web-db-lost",
            new Dictionary<string, string> { ["Jobs__RunServer"] = "false" });
        using var http = web.CreateClient();
        using (var healthy = await http.GetAsync(new Uri("/health", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        forwarder.Close();

        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}:\n{web.LogTail()}");
    }

    [Fact]
    public async Task The_portal_does_not_start_on_a_closed_database_port_and_says_so_in_one_sentence()
    {
        var closed = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Port = PostgresCluster.FreeTcpPort(), Timeout = 3 };

        var result = await ProcessRunner.RunAsync("dotnet", [RepositoryLayout.WebDll], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Matching"] = closed.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PostgresCluster.FreeTcpPort()}",
        }, RepositoryLayout.WebProjectDirectory, TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("PostgreSQL", result.StandardError);
        Assert.Contains("ConnectionStrings__Matching", result.StandardError);
    }
}
