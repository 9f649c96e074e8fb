using System.Net;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;

namespace Matching.Integration.Tests.Portal;

public sealed class AccessTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerEmail = "rh@atlas-offshore.demo.ma";

    [Fact]
    public async Task An_anonymous_request_to_the_jobs_dashboard_is_refused()
    {
        using var http = Fixture.Web.CreateClient();
        using var response = await http.GetAsync(new Uri("/admin/jobs", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Hangfire", body, StringComparison.OrdinalIgnoreCase);
        if ((int)response.StatusCode is >= 300 and < 400)
            Assert.Contains("login", response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
        else
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
    }

    [Fact]
    public async Task An_employer_is_refused_the_admin_area()
    {
        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerEmail, DemoAccounts.Password, "/Employer");
        Assert.Contains("/Employer", session.Page.Url, StringComparison.OrdinalIgnoreCase);

        var response = await session.Page.GotoAsync("/Admin");
        await session.ScreenshotAsync("employer-refused-admin");

        var refused = response?.Status == 403 || session.Page.Url.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase);
        Assert.True(refused, $"an employer reached {session.Page.Url} (HTTP {response?.Status})");
        Assert.Equal(0, await session.Page.Locator("[data-testid='run-row']").CountAsync());
    }
}
