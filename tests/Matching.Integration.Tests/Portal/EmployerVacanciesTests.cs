using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matching.Integration.Tests.Portal;

public sealed class EmployerVacanciesTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerEmail = "rh@atlas-offshore.demo.ma";

    [Fact]
    public async Task The_demo_employer_signs_in_and_sees_its_own_vacancies_only()
    {
        await using var db = Fixture.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == EmployerEmail);
        Assert.NotNull(user.EmployerId);
        var own = await db.Vacancies.Where(v => v.EmployerId == user.EmployerId).Select(v => v.Title).ToListAsync();
        var othersOnly = (await db.Vacancies.Where(v => v.EmployerId != user.EmployerId).Select(v => v.Title).Distinct().ToListAsync())
            .Where(title => !own.Any(mine => mine.Contains(title, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        Assert.NotEmpty(own);
        Assert.NotEmpty(othersOnly);

        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerEmail, DemoAccounts.Password, "/Employer");
        await session.ScreenshotAsync("employer-vacancies");

        Assert.Contains("/Employer", session.Page.Url, StringComparison.OrdinalIgnoreCase);
        var rows = await session.Page.Locator("[data-testid='vacancy-row']").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.True(rows.Count <= own.Count, $"{rows.Count} rows for an employer with {own.Count} vacancies");
        Assert.All(rows, row => Assert.Contains(own, title => row.Contains(title, StringComparison.OrdinalIgnoreCase)));
        var page = await session.Page.Locator("body").InnerTextAsync();
        Assert.All(othersOnly, title => Assert.DoesNotContain(title, page, StringComparison.OrdinalIgnoreCase));
    }
}
