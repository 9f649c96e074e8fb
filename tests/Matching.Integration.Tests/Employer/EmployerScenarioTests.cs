using System.Globalization;
using System.Resources;
using Matching.Core.Domain;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Matching.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Employer;

/// <summary>
/// The employer's whole day in one browser scenario, against the real nightly pipeline: post an internship, an admin
/// presses "Run now" (the portal's own Hangfire server scores it), review the explained shortlist, decide, ask for
/// contact, read it in Arabic, and another organisation cannot open it.
/// </summary>
public sealed class EmployerScenarioTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerA = "rh@atlas-offshore.demo.ma";
    private const string EmployerB = "rh@batisud.demo.ma";
    private const string Admin = "admin@matching.demo.ma";

    private static readonly ResourceManager Labels = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    private int? _postedVacancyId;

    /// <summary>Vacancies are seeded data that the reset keeps: remove the one this test posted (its rows cascade).</summary>
    public override async Task DisposeAsync()
    {
        if (_postedVacancyId is not { } id) return;
        await using var db = Fixture.CreateDbContext();
        await db.Vacancies.Where(v => v.Id == id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task An_employer_posts_an_internship_reviews_the_nightly_shortlist_decides_and_reads_it_in_Arabic()
    {
        await using var db = Fixture.CreateDbContext();
        // What an HR person would type: the occupation most candidates of the matching pool are looking for.
        var pool = db.Consents.Where(c => c.Purpose == ConsentPurpose.Matching && c.RevokedAt == null).Select(c => c.CandidateId);
        var occupation = await db.CandidateDesiredOccupations
            .Where(d => d.Occupation!.LabelFr != null && pool.Contains(d.CandidateId) && db.Candidates.Any(c => c.Id == d.CandidateId && c.IsActive))
            .GroupBy(d => new { d.OccupationId, d.Occupation!.LabelFr })
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.OccupationId)
            .Select(g => new { g.Key.OccupationId, Label = g.Key.LabelFr! })
            .FirstAsync();

        await using var employer = await BrowserSession.OpenAsync(Fixture);
        var page = employer.Page;
        await employer.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer");

        // Post an internship linked to its ESCO occupation, with the occupation's essential skills.
        await page.Locator("[data-testid='new-internship']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='kind-Internship']")).ToBeCheckedAsync();
        await page.Locator("[data-testid='title']").FillAsync($"Stage — {occupation.Label}");
        await page.Locator("[data-testid='occupation-query']").FillAsync(occupation.Label);
        await page.Locator("[data-testid='occupation-search']").ClickAsync();
        await page.Locator("[data-testid='occupation-hit']").Filter(new() { HasText = occupation.Label }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='occupation-chosen']")).ToContainTextAsync(occupation.Label);
        var essential = page.Locator("[data-testid='skill-requirement']");
        Assert.True(await essential.CountAsync() > 0, "choosing the occupation proposed no skill");
        await page.Locator("[data-testid='site'] option").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid='site']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.Locator("[data-testid='closes-on']").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid='starts-on']").FillAsync(today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("[data-testid='language-fr']").SelectOptionAsync("B1");
        await employer.ScreenshotAsync("scenario-1-internship-form");
        await page.Locator("[data-testid='vacancy-save']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
        await page.Locator("[data-testid='vacancy-publish']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='vacancy-status']")).ToHaveTextAsync(Label("VacancyStatus.Open", "fr"));
        var vacancyId = int.Parse(page.Url.Split('/').Last().Split('?')[0], CultureInfo.InvariantCulture);
        _postedVacancyId = vacancyId;
        var vacancy = await db.Vacancies.Include(v => v.Skills).SingleAsync(v => v.Id == vacancyId);
        Assert.Equal((VacancyKind.Internship, VacancyStatus.Open, occupation.OccupationId), (vacancy.Kind, vacancy.Status, vacancy.OccupationId));
        Assert.Contains(vacancy.Skills, s => s.IsEssential);
        await employer.ScreenshotAsync("scenario-2-internship-published");

        // Run matching: the admin's "Run now", scored by the portal's Hangfire server, until it is published.
        await using (var admin = await BrowserSession.OpenAsync(Fixture))
        {
            await admin.SignInAsync(Admin, DemoAccounts.Password, "/Admin/Runs");
            await admin.Page.Locator("[data-testid='run-now']").ClickAsync();
            await Assertions.Expect(admin.Page.Locator("[data-testid='run-enqueued']")).ToBeVisibleAsync();
        }
        var run = await WaitForPublishedRunAsync(TimeSpan.FromMinutes(3));
        var ranked = await db.Matches.Where(m => m.RunId == run.Id && m.VacancyId == vacancyId).OrderBy(m => m.Rank).Select(m => m.CandidateId).ToListAsync();
        Assert.True(ranked.Count >= 3, $"run {run.Id} ranked {ranked.Count} candidates on the new internship");

        // The morning summary reaches the outbox once the run is published: the new internship's candidates are all new.
        var userA = (await db.Users.SingleAsync(u => u.Email == EmployerA)).Id;
        var summary = await WaitForAsync(() => db.Notifications.AsNoTracking()
            .FirstOrDefaultAsync(n => n.Recipient == $"user:{userA}" && n.EventKey == $"morning-summary:{run.Id}"), TimeSpan.FromSeconds(60));
        Assert.Contains($"{ranked.Count} nouveau(x) profil(s) — /Employer/Shortlist/{vacancyId}", summary.Body, StringComparison.Ordinal);

        // Open the shortlist and read an explanation.
        await page.Locator("[data-testid='vacancy-shortlist']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='shortlist-run']")).ToContainTextAsync(run.Id.ToString(CultureInfo.CurrentCulture));
        var cards = page.Locator("[data-testid='candidate-card']");
        Assert.Equal(Math.Min(ranked.Count, 50), await cards.CountAsync());
        // Each explanation accounts for every essential skill of the internship: held, transferable or missing.
        var essentialCount = vacancy.Skills.Count(s => s.IsEssential);
        var first = cards.First.Locator("[data-testid='explanation']");
        Assert.Equal(essentialCount, await first.Locator("[data-testid='matched'] .chip, [data-testid='transferable'] .chip, [data-testid='missing'] .chip").CountAsync());
        Assert.True(await page.Locator("[data-testid='matched'] .chip").CountAsync() > 0, "no candidate on the shortlist holds any essential skill");
        Assert.DoesNotContain(await IdentityOfAsync(db, ranked[0]), await page.ContentAsync(), StringComparison.Ordinal);
        await employer.ScreenshotAsync("scenario-3-shortlist");
        await cards.First.Locator("[data-testid='candidate-link']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='explanation']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='identity-hidden']")).ToBeVisibleAsync();
        await employer.ScreenshotAsync("scenario-4-explanation");
        await page.GoBackAsync();

        // Shortlist the first two together, reject the third with a reason.
        await cards.Nth(0).Locator("[data-testid='select']").CheckAsync();
        await cards.Nth(1).Locator("[data-testid='select']").CheckAsync();
        var bulk = page.Locator("[data-testid='bulk-form']");
        await bulk.Locator("[data-testid='decision-step']").SelectOptionAsync("Shortlisted");
        await bulk.Locator("[data-testid='bulk-submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
        var third = cards.Nth(2).Locator("[data-testid='decision-form']");
        await third.Locator("[data-testid='decision-step']").SelectOptionAsync("Rejected");
        await third.Locator("[data-testid='decision-reason']").SelectOptionAsync("MissingEssentialSkills");
        await third.Locator("[data-testid='decide']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
        await Assertions.Expect(cards.Nth(2).Locator("[data-testid='step']")).ToContainTextAsync(Label("RejectionReason.MissingEssentialSkills", "fr"));

        // Request contact with the first candidate.
        await cards.First.Locator("[data-testid='contact']").ClickAsync();
        await Assertions.Expect(cards.First.Locator("[data-testid='contact-requested']")).ToBeVisibleAsync();
        await employer.ScreenshotAsync("scenario-5-decided");

        var decisions = await db.Decisions.Where(d => d.VacancyId == vacancyId).ToListAsync();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(run.Id, d.RunId));
        Assert.Equal(ranked.Take(2).Order(), decisions.Where(d => d.Step == DecisionStep.Shortlisted).Select(d => d.CandidateId).Order());
        var rejected = Assert.Single(decisions, d => d.Step == DecisionStep.Rejected);
        Assert.Equal((ranked[2], RejectionReason.MissingEssentialSkills), (rejected.CandidateId, rejected.Reason));
        Assert.Equal(ranked[0], (await db.ContactRequests.SingleAsync(r => r.VacancyId == vacancyId)).CandidateId);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.EventKey == $"contact-request:{vacancyId}:{ranked[0]}"));

        // Arabic: right-to-left, and the page's labels come from the Arabic resources.
        await page.Locator("[data-testid='culture-switch']").SelectOptionAsync("ar");
        await page.Locator("[data-testid='culture-submit']").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        Assert.Contains($"/Employer/Shortlist/{vacancyId}", page.Url, StringComparison.Ordinal);
        foreach (var (testId, key) in new[] { ("filters-apply", "Shortlist.Apply"), ("export-csv", "Shortlist.ExportCsv"), ("bulk-submit", "Shortlist.ApplyToSelected") })
        {
            var arabic = Label(key, "ar");
            Assert.NotEqual(Label(key, "fr"), arabic);
            await Assertions.Expect(page.Locator($"[data-testid='{testId}']")).ToHaveTextAsync(arabic);
        }
        await Assertions.Expect(page.Locator("[data-testid='explanation']").First).ToContainTextAsync(Label("Explain.Matched", "ar"));
        await employer.ScreenshotAsync("scenario-6-shortlist-ar");

        // Another organisation cannot open it by URL.
        await using var other = await BrowserSession.OpenAsync(Fixture);
        await other.SignInAsync(EmployerB, DemoAccounts.Password, "/Employer");
        var response = await other.Page.GotoAsync($"/Employer/Shortlist/{vacancyId}");
        Assert.Equal(404, response!.Status);
        await other.ScreenshotAsync("scenario-7-other-employer-404");
    }

    private static string Label(string key, string culture) =>
        Labels.GetString(key, CultureInfo.GetCultureInfo(culture)) ?? throw new InvalidOperationException($"no resource {key}");

    private static async Task<string> IdentityOfAsync(Data.MatchingDbContext db, int candidateId) =>
        await db.CandidateIdentities.Where(i => i.CandidateId == candidateId).Select(i => i.LastName).SingleAsync();

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, $"nothing within {timeout.TotalSeconds:0} s");
            await Task.Delay(500);
        }
    }

    private async Task<MatchRun> WaitForPublishedRunAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = Fixture.CreateDbContext();
            var run = await db.MatchRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync();
            if (run?.Status == MatchRunStatus.Published) return run;
            Assert.False(run?.Status == MatchRunStatus.Failed, $"run {run?.Id} failed: {run?.Error}");
            Assert.True(DateTime.UtcNow < deadline, $"no published run within {timeout.TotalSeconds:0} s (latest: {run?.Id} {run?.Status} {run?.ChunksDone}/{run?.ChunksTotal}); portal log:\n{Fixture.Web.LogTail()}");
            await Task.Delay(500);
        }
    }
}
