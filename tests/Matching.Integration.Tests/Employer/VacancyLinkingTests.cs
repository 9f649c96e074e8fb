using System.Globalization;
using Matching.Core.Linking;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Employer;

/// <summary>
/// The vacancy form links what the employer typed with the ESCO linkers: suggestions as they type, and on save the
/// title and the skill phrase nobody confirmed are linked, with the linker's score stored as the confidence.
/// </summary>
public sealed class VacancyLinkingTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerA = "rh@atlas-offshore.demo.ma";
    private const string Title = "Aide-soignante H/F";
    private const string SkillPhrase = "conduite de chariot élévateur";

    private int? _postedVacancyId;

    /// <summary>Vacancies are seeded data that the reset keeps: remove the one this test posted (its rows cascade).</summary>
    public override async Task DisposeAsync()
    {
        if (_postedVacancyId is not { } id) return;
        await using var db = Fixture.CreateDbContext();
        await db.Vacancies.Where(v => v.Id == id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task A_title_and_a_skill_phrase_saved_without_confirmation_are_linked_with_the_linkers_confidence()
    {
        var expectedOccupation = OccupationLinker.Shared.Link(Title, "fr", 1)[0];
        var expectedSkill = SkillLinker.Shared.Link(SkillPhrase, "fr", 1)[0];

        await using var session = await BrowserSession.OpenAsync(Fixture);
        var page = session.Page;
        await session.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer/Vacancies/Edit");

        // As the title is typed, the page proposes occupations (script) ranked by the linker.
        await page.Locator("[data-testid='title']").PressSequentiallyAsync(Title, new() { Delay = 20 });
        var suggestions = page.Locator("#occupation-suggestions [data-testid='occupation-hit']");
        await Assertions.Expect(suggestions.First).ToBeVisibleAsync();
        await using var db = Fixture.CreateDbContext();
        var occupation = await db.Occupations.SingleAsync(o => o.Uri == expectedOccupation.Uri);
        await Assertions.Expect(suggestions.First).ToHaveTextAsync(occupation.LabelFr ?? occupation.LabelEn);

        // Nothing confirmed: a skill phrase left typed, the place and closing date, then save.
        await page.Locator("[data-testid='skill-query']").FillAsync(SkillPhrase);
        await page.Locator("[data-testid='site'] option").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid='site']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var closesOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await page.Locator("[data-testid='closes-on']").FillAsync(closesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid='vacancy-save']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToContainTextAsync(occupation.LabelFr ?? occupation.LabelEn);
        _postedVacancyId = int.Parse(page.Url.Split('/').Last().Split('?')[0], CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-testid='vacancy-occupation-confidence']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("vacancy-linked-on-save");

        var vacancy = await db.Vacancies.Include(v => v.Occupation).Include(v => v.Skills).ThenInclude(s => s.Skill)
            .SingleAsync(v => v.Id == _postedVacancyId);
        Assert.Equal(Title, vacancy.Title);
        // ISCO 5321 is "Health care assistants": the linked ESCO occupation is the aide-soignant one.
        Assert.Equal(expectedOccupation.Uri, vacancy.Occupation!.Uri);
        Assert.Equal("5321", vacancy.Occupation.IscoCode);
        Assert.NotNull(vacancy.OccupationLinkConfidence);
        Assert.InRange(vacancy.OccupationLinkConfidence!.Value, double.Epsilon, 1.0);
        Assert.Equal(expectedOccupation.Score, vacancy.OccupationLinkConfidence.Value, 6);

        // The occupation's essential skills were proposed (no confidence: not linked from text), the phrase linked.
        Assert.Contains(vacancy.Skills, s => s.IsEssential && s.LinkConfidence is null);
        var linkedSkill = Assert.Single(vacancy.Skills, s => s.Skill!.Uri == expectedSkill.Uri);
        Assert.True(linkedSkill.IsEssential);
        Assert.Equal(expectedSkill.Score, linkedSkill.LinkConfidence!.Value, 6);
    }

    [Fact]
    public async Task Without_script_the_suggest_button_lists_the_linkers_occupations_and_the_confirmed_one_keeps_its_score()
    {
        var ranked = OccupationLinker.Shared.Link("electricien batiment", "fr", 3);
        await using var db = Fixture.CreateDbContext();
        var uris = ranked.Select(r => r.Uri).ToList();
        var ids = await db.Occupations.Where(o => uris.Contains(o.Uri)).ToDictionaryAsync(o => o.Uri, o => o.Id);

        await using var session = await BrowserSession.OpenAsync(Fixture);
        var page = session.Page;
        await session.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer/Vacancies/Edit");
        await page.Locator("[data-testid='title']").FillAsync("Électricien bâtiment");
        await page.Locator("[data-testid='occupation-query']").FillAsync("electricien batiment");
        await page.Locator("[data-testid='occupation-search']").ClickAsync();
        var hits = page.Locator("#occupation-suggestions [data-testid='occupation-hit']");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        for (var i = 0; i < ranked.Count; i++)
        {
            var expected = $"{ids[ranked[i].Uri]}|{ranked[i].Score.ToString("0.####", CultureInfo.InvariantCulture)}";
            Assert.Equal(expected, await hits.Nth(i).GetAttributeAsync("value"));
        }
        await hits.Nth(1).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='occupation-chosen']")).ToBeVisibleAsync();
        Assert.Equal(ids[ranked[1].Uri].ToString(CultureInfo.InvariantCulture), await page.Locator("[name='Input.OccupationId']").InputValueAsync());
        Assert.Equal(ranked[1].Score, double.Parse(await page.Locator("[name='Input.OccupationConfidence']").InputValueAsync(), CultureInfo.GetCultureInfo("fr")), 4);
    }

    [Fact]
    public async Task In_the_Arabic_UI_a_French_title_is_linked_and_the_suggestions_show_ESCOs_Arabic_labels()
    {
        var expected = OccupationLinker.Shared.Link(Title, "fr", 1)[0];
        await using var db = Fixture.CreateDbContext();
        var labelAr = await db.Occupations.Where(o => o.Uri == expected.Uri).Select(o => o.LabelAr).SingleAsync();
        Assert.False(string.IsNullOrEmpty(labelAr), "the expected occupation has no Arabic label: this test could not fail");

        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer/Vacancies/Edit");
        await session.Page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture", Value = "c=ar|uic=ar", Url = Fixture.Web.BaseAddress.ToString(),
        }]);
        var response = await session.Page.Context.APIRequest.GetAsync($"/Employer/Vacancies/Edit?handler=OccupationSuggestions&q={Uri.EscapeDataString(Title)}");
        Assert.Equal(200, response.Status);
        var fragment = await response.TextAsync();
        Assert.Contains(labelAr!, fragment, StringComparison.Ordinal);
        Assert.Contains($"value=\"{await db.Occupations.Where(o => o.Uri == expected.Uri).Select(o => o.Id).SingleAsync()}|", fragment, StringComparison.Ordinal);
    }
}
