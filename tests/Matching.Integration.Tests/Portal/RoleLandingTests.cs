using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;

namespace Matching.Integration.Tests.Portal;

/// <summary>After signing in, each demo role lands in its own area on a page that lists real rows.</summary>
public sealed class RoleLandingTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Theory]
    [InlineData("rh@atlas-offshore.demo.ma", "/Employer", "vacancy-row")]
    [InlineData("conseiller@anapec.demo.ma", "/Adviser", "candidate-row")]
    [InlineData("mentor@association.demo.ma", "/Mentor", "mentee-row")]
    [InlineData("admin@matching.demo.ma", "/Admin", "job-row")]
    public async Task Each_demo_role_lands_on_its_own_page_with_rows(string email, string area, string rowTestId)
    {
        Assert.Contains(DemoAccounts.All, a => a.Email == email);
        await using var session = await BrowserSession.OpenAsync(Fixture);

        await session.SignInAsync(email, DemoAccounts.Password, "/Account/Login");
        await session.ScreenshotAsync("landing" + area.Replace('/', '-').ToLowerInvariant());

        Assert.EndsWith(area, new Uri(session.Page.Url).AbsolutePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        Assert.True(await session.Page.Locator($"[data-testid='{rowTestId}']").CountAsync() > 0, $"no {rowTestId} on {session.Page.Url}");
    }

    [Fact]
    public async Task The_admin_opens_the_jobs_dashboard()
    {
        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync("admin@matching.demo.ma", DemoAccounts.Password, "/Account/Login");

        var response = await session.Page.GotoAsync("/admin/jobs");
        await session.ScreenshotAsync("admin-jobs-dashboard");

        Assert.Equal(200, response?.Status);
        Assert.Contains("/admin/jobs", session.Page.Url, StringComparison.OrdinalIgnoreCase);
    }
}
