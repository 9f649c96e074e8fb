using Matching.Core.Domain;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Matching.Jobs.Nightly;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Nightly;

/// <summary>`matching nightly --now --wait` as operators run it, against the shared fixture's demo data.</summary>
public sealed class NightlyCliTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task Nightly_now_wait_publishes_explained_shortlists_for_every_open_demo_vacancy()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [RepositoryLayout.CliDll, "nightly", "--now", "--wait", "--timeout", "240"],
            new Dictionary<string, string?> { ["ConnectionStrings__Matching"] = Fixture.ConnectionString }, timeout: TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = Fixture.CreateDbContext();
        var run = await db.MatchRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
        Assert.Equal(MatchRunStatus.Published, run.Status);
        var summary = result.StandardOutput.Trim().Split('\n')[^1];
        Assert.StartsWith($"run {run.Id} published: chunks={run.ChunksTotal}/{run.ChunksTotal} pairs_scored={run.PairsScored} matches_written={run.MatchesWritten} seconds=", summary);

        var open = await db.Vacancies.Where(v => v.Status == VacancyStatus.Open).Select(v => v.Id).ToListAsync();
        Assert.NotEmpty(open);
        var shortlisted = await db.Matches.Where(m => m.RunId == run.Id).Select(m => m.VacancyId).Distinct().ToListAsync();
        Assert.Empty(open.Except(shortlisted));
        Assert.Empty(shortlisted.Except(open));
        Assert.Equal(run.MatchesWritten, await db.Matches.LongCountAsync(m => m.RunId == run.Id));
        var explanations = await db.Matches.Where(m => m.RunId == run.Id).Select(m => m.ExplanationJson).Take(50).ToListAsync();
        Assert.All(explanations, e => Assert.Contains("\"contributions\"", e, StringComparison.Ordinal));

        // The fairness audit is stored with the run: its rates by gender agree with a count made here from the tables.
        var fairness = RunFairness.Read(run.FairnessJson);
        Assert.NotNull(fairness);
        var expected = await db.Candidates
            .Where(c => db.MatchRunCandidates.Any(r => r.RunId == run.Id && r.CandidateId == c.Id))
            .GroupBy(c => c.Gender)
            .Select(g => new { g.Key, Members = g.Count(), Shortlisted = g.Count(c => db.Matches.Any(m => m.RunId == run.Id && m.CandidateId == c.Id)) })
            .ToListAsync();
        Assert.Equal(
            expected.Select(e => (e.Key.ToString().ToLowerInvariant(), e.Members, e.Shortlisted)).Order(),
            fairness.ByGender.Select(g => (g.Group, g.Members, g.Shortlisted)).Order());
        Assert.Contains(fairness.ByGender, g => g.Shortlisted > 0);
        Assert.Equal(expected.Sum(e => e.Members), fairness.ByStatus.Sum(g => g.Members));

        // The Admin runs page shows the audit, in French by default.
        var female = fairness.ByGender.Single(g => g.Group == "female");
        await using var admin = await BrowserSession.OpenAsync(Fixture);
        await admin.SignInAsync("admin@matching.demo.ma", DemoAccounts.Password, "/Admin/Runs");
        var cell = admin.Page.Locator($"[data-testid='run-row'][data-id='{run.Id}'] [data-testid='run-fairness']");
        await Assertions.Expect(cell).ToContainTextAsync("Par genre");
        await Assertions.Expect(cell).ToContainTextAsync($"Femme : {female.Shortlisted} / {female.Members}");
        await admin.ScreenshotAsync("admin-runs-fairness");

        // ./run.sh's first start asks for a run only when none is published: here one is, so nothing starts.
        var again = await ProcessRunner.RunAsync("dotnet", [RepositoryLayout.CliDll, "nightly", "--now", "--wait", "--unless-published"],
            new Dictionary<string, string?> { ["ConnectionStrings__Matching"] = Fixture.ConnectionString }, timeout: TimeSpan.FromMinutes(2));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"already published by run {run.Id}", again.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(run.Id, await db.MatchRuns.MaxAsync(r => r.Id));
    }
}
