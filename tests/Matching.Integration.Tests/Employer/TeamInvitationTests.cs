using System.Text.RegularExpressions;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Matching.Integration.Tests.Employer;

/// <summary>An invited team member chooses a password from the invitation's link, then signs in to the employer area.</summary>
public sealed partial class TeamInvitationTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerA = "rh@atlas-offshore.demo.ma";
    private const string NewPassword = "Recrue!2026";

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex SetPasswordLink();

    [Fact]
    public async Task Invite_then_the_outbox_link_sets_the_password_once_and_signing_in_lands_on_the_employer_area()
    {
        // Users are seeded data that the reset keeps: a unique address, removed afterwards.
        var email = $"recrue-{Guid.NewGuid():N}@atlas-offshore.demo.ma";
        try
        {
            await using (var manager = await BrowserSession.OpenAsync(Fixture))
            {
                await manager.SignInAsync(EmployerA, DemoAccounts.Password, "/Employer/Organisation");
                await manager.Page.Locator("[name='Invite.DisplayName']").FillAsync("Nouvelle Recrue");
                await manager.Page.Locator("[name='Invite.Email']").FillAsync(email);
                await manager.Page.Locator("[data-testid='invite-submit']").ClickAsync();
                await Assertions.Expect(manager.Page.Locator("[data-testid='flash']")).ToContainTextAsync(email);
            }

            string link;
            await using (var db = Fixture.CreateDbContext())
            {
                var message = await db.Notifications.SingleAsync(n => n.Recipient == $"email:{email}");
                link = SetPasswordLink().Match(message.Body).Value;
                Assert.False(string.IsNullOrEmpty(link), $"The invitation carries no password link: {message.Body}");
            }

            await using var invited = await BrowserSession.OpenAsync(Fixture);
            var page = invited.Page;
            // Before choosing a password, no password signs this account in.
            await invited.SignInAsync(email, NewPassword, "/Employer");
            await Assertions.Expect(page.Locator("[data-testid='login-error']")).ToBeVisibleAsync();

            await page.GotoAsync(link);
            await page.Locator("[name='Input.Password']").FillAsync("faible");
            await page.Locator("[name='Input.Confirm']").FillAsync("faible");
            await page.Locator("[data-testid='set-password-submit']").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid='set-password-error']")).ToContainTextAsync("trop faible");

            await page.Locator("[name='Input.Password']").FillAsync(NewPassword);
            await page.Locator("[name='Input.Confirm']").FillAsync(NewPassword);
            await page.Locator("[data-testid='set-password-submit']").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid='flash']")).ToBeVisibleAsync();
            await invited.ScreenshotAsync("set-password-done");

            await page.Locator("[name='Input.Email']").FillAsync(email);
            await page.Locator("[name='Input.Password']").FillAsync(NewPassword);
            await page.Locator("[data-testid='login-submit']").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal("/Employer", new Uri(page.Url).AbsolutePath);

            // The token was single-use: the same link cannot set another password.
            await using var again = await BrowserSession.OpenAsync(Fixture);
            await again.Page.GotoAsync(link);
            await again.Page.Locator("[name='Input.Password']").FillAsync("Autre!2026x");
            await again.Page.Locator("[name='Input.Confirm']").FillAsync("Autre!2026x");
            await again.Page.Locator("[data-testid='set-password-submit']").ClickAsync();
            await Assertions.Expect(again.Page.Locator("[data-testid='set-password-error']")).ToContainTextAsync("plus valable");
        }
        finally
        {
            await using var db = Fixture.CreateDbContext();
            await db.Users.Where(u => u.Email == email).ExecuteDeleteAsync();
        }
    }
}
