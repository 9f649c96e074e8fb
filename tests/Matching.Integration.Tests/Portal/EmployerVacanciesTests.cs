using System.Globalization;
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
        var own = await db.Vacancies.Where(v => v.EmployerId == user.EmployerId).Select(v => v.Id).ToListAsync();
        Assert.NotEmpty(own);
        Assert.True(await db.Vacancies.AnyAsync(v => v.EmployerId != user.EmployerId), "the demo data has a single employer: this test could not fail");

        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerEmail, DemoAccounts.Password, "/Employer");
        await session.ScreenshotAsync("employer-vacancies");

        Assert.Contains("/Employer", session.Page.Url, StringComparison.OrdinalIgnoreCase);
        var rows = session.Page.Locator("[data-testid='vacancy-row']");
        var shown = new List<int>();
        for (var i = 0; i < await rows.CountAsync(); i++)
            shown.Add(int.Parse((await rows.Nth(i).GetAttributeAsync("data-id"))!, CultureInfo.InvariantCulture));
        Assert.NotEmpty(shown);
        Assert.All(shown, id => Assert.Contains(id, own));
    }
}
