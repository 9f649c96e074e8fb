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
        await using var web = await WebHostProcess.StartAsync(closed, "web-no-db");
        using var http = web.CreateClient();
        using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"expected 503, got {(int)response.StatusCode}:\n{web.LogTail()}");
    }
}
