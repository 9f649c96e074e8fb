using Microsoft.Playwright;

namespace Matching.Integration.Tests.Infrastructure;

/// <summary>One browser context (its own cookies) on the test portal, with the sign-in steps every role shares.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(MatchingFixture fixture)
    {
        var browser = await fixture.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Web.BaseAddress.ToString(),
            Locale = "fr-FR",
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens <paramref name="protectedPath"/>, lets the portal send us to its login form, and signs in.</summary>
    public async Task SignInAsync(string email, string password, string protectedPath)
    {
        await Page.GotoAsync(protectedPath);
        await Page.Locator("[name='Input.Email']").FillAsync(email);
        await Page.Locator("[name='Input.Password']").FillAsync(password);
        await Page.Locator("[data-testid='login-submit']").ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Keeps a full-page screenshot in TestResults/screenshots/ for the humans reading a run.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryLayout.TestResults("screenshots"), name + ".png"),
            FullPage = true,
        });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
