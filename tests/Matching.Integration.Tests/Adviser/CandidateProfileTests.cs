using System.Globalization;
using Matching.Core.Domain;
using Matching.Core.Linking;
using Matching.Data.Demo;
using Matching.Data.Identity;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Adviser;

/// <summary>
/// An adviser creates a candidate's profile as people speak: a colloquial job title and a sentence of skills are linked
/// by the ESCO linkers (confirmed or, left typed, on save) with the linkers' confidences; another adviser gets 404.
/// </summary>
public sealed class CandidateProfileTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string AdviserEmail = "conseiller@anapec.demo.ma";
    private const string OtherAdviserEmail = "autre.conseillere@anapec.test";
    private const string ConfirmedTitle = "téléconseiller bilingue";
    private const string TypedTitle = "macon coffreur";
    private const string SkillSentence = "soudure, conduite de chariot élévateur; je sais faire le ménage";

    private int? _candidateId;
    private int? _otherAdviserId;

    /// <summary>Candidates, advisers and users are seeded tables that the reset keeps: remove what this test added.</summary>
    public override async Task DisposeAsync()
    {
        await using var db = Fixture.CreateDbContext();
        if (_candidateId is { } id) await db.Candidates.Where(c => c.Id == id).ExecuteDeleteAsync();
        await db.Users.Where(u => u.Email == OtherAdviserEmail).ExecuteDeleteAsync();
        if (_otherAdviserId is { } adviserId) await db.Advisers.Where(a => a.Id == adviserId).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task The_adviser_creates_a_profile_whose_titles_and_skills_carry_the_linkers_links_and_another_adviser_gets_404()
    {
        var confirmed = OccupationLinker.Shared.Link(ConfirmedTitle, "fr", 1)[0];
        var typed = OccupationLinker.Shared.Link(TypedTitle, "fr", 1)[0];
        var phrases = new[] { "soudure", "conduite de chariot élévateur", "je sais faire le ménage" };
        var skills = phrases.Select(p => SkillLinker.Shared.Link(p, "fr", 1)[0]).ToList();

        await using var session = await BrowserSession.OpenAsync(Fixture);
        var page = session.Page;
        await session.SignInAsync(AdviserEmail, DemoAccounts.Password, "/Adviser");
        await page.Locator("[data-testid='new-profile']").ClickAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.Locator("[data-testid='first-name']").FillAsync("Aminata");
        await page.Locator("[data-testid='last-name']").FillAsync("Diallo-Test");
        await page.Locator("[data-testid='phone']").FillAsync("+212 600 000 000");
        await page.Locator("[data-testid='city']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("[data-testid='language-fr']").SelectOptionAsync("B2");

        // A title confirmed from the suggestions (no-script path: the "Suggest" button posts the form back).
        await page.Locator("[data-testid='title-query']").FillAsync(ConfirmedTitle);
        await page.Locator("[data-testid='title-suggest']").ClickAsync();
        await page.Locator("#title-suggestions [data-testid='title-hit']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='desired-row']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid='desired-confidence']")).ToBeVisibleAsync();

        // A second title and the skills sentence left typed: linked on save. Consent ticked.
        await page.Locator("[data-testid='title-query']").FillAsync(TypedTitle);
        await page.Locator("[data-testid='skill-text']").FillAsync(SkillSentence);
        await page.Locator("[data-testid='consent-matching']").CheckAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the profile form scrolls sideways at 360 px");
        await page.Locator("[data-testid='profile-save']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid='consent-date']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("adviser-profile-360");
        _candidateId = int.Parse(page.Url.Split('/').Last().Split('?')[0], CultureInfo.InvariantCulture);

        await using var db = Fixture.CreateDbContext();
        var adviserUser = await db.Users.SingleAsync(u => u.Email == AdviserEmail);
        var candidate = await db.Candidates.AsNoTracking()
            .Include(c => c.Identity).Include(c => c.Languages).Include(c => c.Consents)
            .Include(c => c.DesiredOccupations).ThenInclude(d => d.Occupation)
            .Include(c => c.Skills).ThenInclude(s => s.Skill)
            .SingleAsync(c => c.Id == _candidateId);
        Assert.Equal(adviserUser.AdviserId, candidate.AdviserId);
        Assert.Equal(("Aminata", "Diallo-Test"), (candidate.Identity!.FirstName, candidate.Identity.LastName));
        Assert.Equal([("fr", CefrLevel.B2)], candidate.Languages.Select(l => (l.Code, l.Level)));
        var consent = Assert.Single(candidate.Consents, c => c.Purpose == ConsentPurpose.Matching);
        Assert.Null(consent.RevokedAt);
        Assert.InRange(consent.GrantedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        var byUri = candidate.DesiredOccupations.ToDictionary(d => d.Occupation!.Uri);
        Assert.Equal(2, byUri.Count);
        Assert.Equal(ConfirmedTitle, byUri[confirmed.Uri].Title);
        Assert.Equal(confirmed.Score, byUri[confirmed.Uri].LinkConfidence!.Value, 4);
        Assert.Equal(TypedTitle, byUri[typed.Uri].Title);
        Assert.Equal(typed.Score, byUri[typed.Uri].LinkConfidence!.Value, 6);
        Assert.Equal(skills.Select(s => s.Uri).Distinct().Order(), candidate.Skills.Select(s => s.Skill!.Uri).Order());
        foreach (var skill in skills)
            Assert.Equal(skill.Score, candidate.Skills.Single(s => s.Skill!.Uri == skill.Uri).LinkConfidence!.Value, 6);
        Assert.All(candidate.Skills, s => Assert.InRange(s.LinkConfidence!.Value, double.Epsilon, 1.0));

        var audit = await db.AuditLog.Where(a => a.EntityType == nameof(Candidate) && a.EntityId == _candidateId.Value.ToString(CultureInfo.InvariantCulture)).ToListAsync();
        var created = Assert.Single(audit, a => a.Action == "create-profile");
        Assert.Equal(adviserUser.Id, created.UserId);

        // The caseload lists the new profile, found by name.
        await page.GotoAsync("/Adviser?q=diallo-test");
        await Assertions.Expect(page.Locator("[data-testid='candidate-row']")).ToHaveCountAsync(1);

        // An edit writes its own audit row; unticking a title drops it.
        await page.GotoAsync($"/Adviser/Profiles/Edit/{_candidateId}");
        await page.Locator($"[data-testid='desired-row'][data-occupation='{byUri[typed.Uri].OccupationId}'] [data-testid='desired-keep']").UncheckAsync();
        await page.Locator("[data-testid='profile-save']").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
        Assert.Equal([byUri[confirmed.Uri].OccupationId], await db.CandidateDesiredOccupations.Where(d => d.CandidateId == _candidateId).Select(d => d.OccupationId).ToListAsync());
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "edit-profile" && a.EntityId == _candidateId.Value.ToString(CultureInfo.InvariantCulture) && a.UserId == adviserUser.Id));

        // Another adviser: 404 on the page, the suggestions and the save.
        await AddOtherAdviserAsync();
        await using var other = await BrowserSession.OpenAsync(Fixture);
        await other.SignInAsync(OtherAdviserEmail, DemoAccounts.Password, "/Adviser");
        await Assertions.Expect(other.Page.Locator("[data-testid='new-profile']")).ToBeVisibleAsync();
        foreach (var path in new[] { $"/Adviser/Profiles/Edit/{_candidateId}", $"/Adviser/Profiles/Edit/{_candidateId}?handler=TitleSuggestions&q=macon" })
        {
            var response = await other.Page.Context.APIRequest.GetAsync(path);
            Assert.True(response.Status == 404, $"{path} answered {response.Status} to another adviser");
        }
        await other.Page.GotoAsync("/Adviser/Profiles/Edit");
        var token = await other.Page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var form = other.Page.Context.APIRequest.CreateFormData();
        form.Append("__RequestVerificationToken", token!);
        form.Append("Input.FirstName", "Pirate");
        form.Append("Input.LastName", "Pirate");
        var save = await other.Page.Context.APIRequest.PostAsync($"/Adviser/Profiles/Edit/{_candidateId}?handler=Save", new() { Form = form });
        Assert.Equal(404, save.Status);
        Assert.Equal("Aminata", await db.CandidateIdentities.Where(i => i.CandidateId == _candidateId).Select(i => i.FirstName).SingleAsync());
    }

    private async Task AddOtherAdviserAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var adviser = new Core.Domain.Adviser { Name = "Conseillère de test", Agency = "Agence ANAPEC Tanger" };
        db.Advisers.Add(adviser);
        await db.SaveChangesAsync();
        _otherAdviserId = adviser.Id;
        var user = new ApplicationUser
        {
            Id = Guid.NewGuid().ToString(), UserName = OtherAdviserEmail, NormalizedUserName = OtherAdviserEmail.ToUpperInvariant(),
            Email = OtherAdviserEmail, NormalizedEmail = OtherAdviserEmail.ToUpperInvariant(), EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            DisplayName = adviser.Name, AdviserId = adviser.Id,
        };
        user.PasswordHash = new PasswordHasher<ApplicationUser>().HashPassword(user, DemoAccounts.Password);
        db.Users.Add(user);
        var adviserRole = Roles.Adviser.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == adviserRole).Select(r => r.Id).SingleAsync();
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync();
    }
}
