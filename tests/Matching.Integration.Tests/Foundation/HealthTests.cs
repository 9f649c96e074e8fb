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
    public async Task Health_answers_503_when_the_database_is_unreachable()
    {
        // A port nothing listens on: the portal must still start and report itself unhealthy.
        var closed = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString)
        {
            Port = PostgresCluster.FreeTcpPort(), Timeout = 2,
        }.ConnectionString;
        // No Hangfire here: writing the recurring job list needs the database at start (the portal would not start),
        // and a server retrying a dead database only slows the shutdown. Health does not depend on either.
        await using var web = await WebHostProcess.StartAsync(closed, "web-no-db",
            new Dictionary<string, string> { ["Jobs__RegisterRecurringJobs"] = "false", ["Jobs__RunServer"] = "false" });
        using var http = web.CreateClient();
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}:\n{web.LogTail()}");
    }
}
