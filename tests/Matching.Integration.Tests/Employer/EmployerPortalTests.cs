using System.Globalization;
using Matching.Core.Domain;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Employer;

/// <summary>
/// Ownership (404 for another organisation), decisions as ranker feedback, and the consent gate on identity.
/// Until the nightly pipeline lands, "run matching" is stood in for by a Published run and Match rows written here.
/// </summary>
public sealed class EmployerPortalTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerA = "rh@atlas-offshore.demo.ma";
    private const string EmployerB = "rh@batisud.demo.ma";

    private sealed record Published(int RunId, int VacancyId, int EmployerId, IReadOnlyList<int> CandidateIds);

    /// <summary>A published run ranking three active candidates on one of employer A's vacancies.</summary>
    private async Task<Published> PublishShortlistAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var employerId = (await db.Users.SingleAsync(u => u.Email == EmployerA)).EmployerId!.Value;
        var vacancyId = await db.Vacancies.Where(v => v.EmployerId == employerId).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
        var candidates = await db.Candidates.Where(c => c.IsActive && c.Identity != null).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        Assert.Equal(3, candidates.Count);
        var run = new MatchRun { Status = MatchRunStatus.Published, CreatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow, ModelVersion = "test" };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        db.Matches.AddRange(candidates.Select((id, i) => new Match
        {
            RunId = run.Id, CandidateId = id, VacancyId = vacancyId, Score = 1.0 - i * 0.1, Rank = i + 1,
            ExplanationJson = """{"missingEssential":["http://example.org/unknown-skill"],"distanceKm":7.5}""",
        }));
        await db.SaveChangesAsync();
        return new Published(run.Id, vacancyId, employerId, candidates);
    }

    private static async Task<string> TokenAsync(IPage page) =>
        (await page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value"))!;

    [Fact]
    public async Task Another_employer_gets_404_for_the_vacancy_its_shortlist_exports_and_decisions()
    {
        var published = await PublishShortlistAsync();
        var paths = new[]
        {
            $"/Employer/Vacancies/Details/{published.VacancyId}",
            $"/Employer/Vacancies/Edit/{published.VacancyId}",
            $"/Employer/Shortlist/{published.VacancyId}",
            $"/Employer/Shortlist/Export/{published.VacancyId}",
            $"/Employer/Shortlist/Print/{published.VacancyId}",
            $"/Employer/Shortlist/Candidate/{published.VacancyId}/{published.CandidateIds[0]}",
        };

        await using (var owner = await BrowserSession.OpenAsync(Fixture))
        {
            await owner.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer");
            foreach (var path in paths.Where(p => !p.Contains("Export", StringComparison.Ordinal)))
                Assert.Equal(200, (await owner.Page.GotoAsync(path))!.Status);
        }

        await using var other = await BrowserSession.OpenAsync(Fixture);
        await other.SignInAsync(EmployerB, DemoAccounts.Password, "/Employer");
        foreach (var path in paths)
        {
            var response = await other.Page.Context.APIRequest.GetAsync(path);
            Assert.True(response.Status == 404, $"{path} answered {response.Status} to another employer");
        }
        await other.Page.GotoAsync("/Employer");
        var token = await TokenAsync(other.Page);
        var decide = await other.Page.Context.APIRequest.PostAsync($"/Employer/Shortlist/{published.VacancyId}?handler=Decide", new()
        {
            Form = FormOf(other.Page.Context.APIRequest, ("__RequestVerificationToken", token), ("selected", published.CandidateIds[0].ToString(CultureInfo.InvariantCulture)), ("decision", "Hired")),
        });
        Assert.Equal(404, decide.Status);
        await using var db = Fixture.CreateDbContext();
        Assert.False(await db.Decisions.AnyAsync(d => d.VacancyId == published.VacancyId));
    }

    [Fact]
    public async Task Decisions_are_stored_per_candidate_with_the_run_and_a_rejection_needs_a_reason()
    {
        var published = await PublishShortlistAsync();
        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerA, DemoAccounts.Password, $"/Employer/Shortlist/{published.VacancyId}");
        var cards = session.Page.Locator("[data-testid='candidate-card']");
        Assert.Equal(3, await cards.CountAsync());
        await Assertions.Expect(cards.First.Locator("[data-testid='distance']")).ToContainTextAsync("8");
        await session.ScreenshotAsync("employer-shortlist");

        // Bulk: shortlist the first two.
        await cards.Nth(0).Locator("[data-testid='select']").CheckAsync();
        await cards.Nth(1).Locator("[data-testid='select']").CheckAsync();
        var bulk = session.Page.Locator("[data-testid='bulk-form']");
        await bulk.Locator("[data-testid='decision-step']").SelectOptionAsync("Shortlisted");
        await bulk.Locator("[data-testid='bulk-submit']").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid='flash']")).ToBeVisibleAsync();

        // One by one: rejecting the third without a reason is refused, with a reason it is stored.
        var third = session.Page.Locator("[data-testid='candidate-card']").Nth(2).Locator("[data-testid='decision-form']");
        await third.Locator("[data-testid='decision-step']").SelectOptionAsync("Rejected");
        await third.Locator("[data-testid='decide']").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid='shortlist-error']")).ToBeVisibleAsync();
        third = session.Page.Locator("[data-testid='candidate-card']").Nth(2).Locator("[data-testid='decision-form']");
        await third.Locator("[data-testid='decision-step']").SelectOptionAsync("Rejected");
        await third.Locator("[data-testid='decision-reason']").SelectOptionAsync("TooFar");
        await third.Locator("[data-testid='decide']").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid='flash']")).ToBeVisibleAsync();

        await using var db = Fixture.CreateDbContext();
        var userId = (await db.Users.SingleAsync(u => u.Email == EmployerA)).Id;
        var decisions = await db.Decisions.Where(d => d.VacancyId == published.VacancyId).OrderBy(d => d.CandidateId).ToListAsync();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Equal(published.RunId, d.RunId));
        Assert.All(decisions, d => Assert.Equal(userId, d.DecidedByUserId));
        Assert.Equal([DecisionStep.Shortlisted, DecisionStep.Shortlisted], decisions.Where(d => d.CandidateId != published.CandidateIds[2]).Select(d => d.Step));
        var rejected = decisions.Single(d => d.CandidateId == published.CandidateIds[2]);
        Assert.Equal((DecisionStep.Rejected, RejectionReason.TooFar), (rejected.Step, rejected.Reason));
    }

    [Fact]
    public async Task Identity_shows_only_with_this_employers_active_consent_and_each_reveal_is_audited()
    {
        var published = await PublishShortlistAsync();
        var candidateId = published.CandidateIds[0];
        await using var session = await BrowserSession.OpenAsync(Fixture);
        await session.SignInAsync(EmployerA, DemoAccounts.Password, $"/Employer/Shortlist/{published.VacancyId}");
        await session.Page.Locator("[data-testid='candidate-card']").First.Locator("[data-testid='contact']").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid='contact-requested']").First).ToBeVisibleAsync();

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.ContactRequests.CountAsync(r => r.VacancyId == published.VacancyId && r.CandidateId == candidateId));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.EventKey == $"contact-request:{published.VacancyId}:{candidateId}"));
        var identity = await db.CandidateIdentities.SingleAsync(i => i.CandidateId == candidateId);
        var candidatePage = $"/Employer/Shortlist/Candidate/{published.VacancyId}/{candidateId}";
        var otherEmployerId = (await db.Users.SingleAsync(u => u.Email == EmployerB)).EmployerId!.Value;

        // Consents are seeded data that the reset keeps: remove the ones this test adds.
        var added = new List<Consent>();
        try
        {
            await session.Page.GotoAsync(candidatePage);
            await Assertions.Expect(session.Page.Locator("[data-testid='identity-pending']")).ToBeVisibleAsync();

            added.Add(new Consent { CandidateId = candidateId, Purpose = ConsentPurpose.ShareIdentityWithEmployer, EmployerId = otherEmployerId, GrantedAt = DateTimeOffset.UtcNow });
            added.Add(new Consent { CandidateId = candidateId, Purpose = ConsentPurpose.ShareIdentityWithEmployer, EmployerId = published.EmployerId, GrantedAt = DateTimeOffset.UtcNow, RevokedAt = DateTimeOffset.UtcNow });
            db.Consents.AddRange(added);
            await db.SaveChangesAsync();
            await session.Page.GotoAsync(candidatePage);
            await Assertions.Expect(session.Page.Locator("[data-testid='identity-pending']")).ToBeVisibleAsync();
            Assert.DoesNotContain(identity.LastName, await session.Page.ContentAsync(), StringComparison.Ordinal);
            Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "reveal-identity" && a.EntityId == candidateId.ToString(CultureInfo.InvariantCulture)));

            var granted = new Consent { CandidateId = candidateId, Purpose = ConsentPurpose.ShareIdentityWithEmployer, EmployerId = published.EmployerId, GrantedAt = DateTimeOffset.UtcNow };
            added.Add(granted);
            db.Consents.Add(granted);
            await db.SaveChangesAsync();
            await session.Page.GotoAsync(candidatePage);
            await Assertions.Expect(session.Page.Locator("[data-testid='identity-name']")).ToContainTextAsync(identity.LastName);
            await session.ScreenshotAsync("employer-candidate-revealed");
            var audit = await db.AuditLog.Where(a => a.Action == "reveal-identity" && a.EntityId == candidateId.ToString(CultureInfo.InvariantCulture)).ToListAsync();
            var entry = Assert.Single(audit);
            Assert.Equal((await db.Users.SingleAsync(u => u.Email == EmployerA)).Id, entry.UserId);
        }
        finally
        {
            db.ChangeTracker.Clear();
            var ids = added.Select(c => c.Id).Where(id => id > 0).ToList();
            await db.Consents.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync();
        }
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields) form.Append(name, value);
        return form;
    }
}
