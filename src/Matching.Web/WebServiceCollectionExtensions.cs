using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hangfire;
using Matching.Data;
using Matching.Data.Identity;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Matching.Web;

/// <summary>Portal settings of section "Demo".</summary>
public sealed class DemoModeOptions
{
    public const string Section = "Demo";

    /// <summary>Show the demo accounts on the login page and the synthetic-data notice in the footer.</summary>
    public bool Enabled { get; set; }
}

/// <summary>Portal settings of section "Portal".</summary>
public sealed class PortalOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>
    /// Scheme, host and port people reach the portal at (e.g. https://matching.example.ma/), used for links sent by
    /// e-mail. Behind a reverse proxy the request's own host is an internal name, so set it there; when empty, the
    /// request's scheme and host are used (fine for a single machine). The app's path base is added by the link itself.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.AbsolutePath != "/"))
            yield return new ValidationResult($"Portal:PublicBaseUrl must be a scheme and host such as https://matching.example.ma/ (no path), not '{url}'.");
    }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (as returned by Url.Page, path base included), on the public address when one is set.</summary>
    public string AbsoluteLink(HttpRequest request, string pathAndQuery) =>
        new Uri(PublicBaseUrl ?? new Uri($"{request.Scheme}://{request.Host}/"), pathAndQuery).ToString();
}

public static class WebServiceCollectionExtensions
{
    public const string HangfireDashboardPath = "/admin/jobs";

    /// <summary>How long an invitation's password link (an Identity password-reset token) stays valid.</summary>
    public static readonly TimeSpan InvitationLifespan = TimeSpan.FromDays(7);

    /// <summary>Razor Pages with role-guarded areas, Identity on <see cref="MatchingDbContext"/>, localisation (fr, ar, en) and health checks.</summary>
    public static IServiceCollection AddMatchingWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Unknown keys under "Demo" (a typo such as Demo:Enable) fail the start instead of being ignored.
        services.AddOptions<DemoModeOptions>()
            .Bind(configuration.GetSection(DemoModeOptions.Section), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();

        services.AddOptions<PortalOptions>()
            .Bind(configuration.GetSection(PortalOptions.Section), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<SharedResource>, CachedSharedLocalizer>();
        // French accents and Arabic script go out as characters, not as &#x…; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures.Default).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            // Only an explicit choice changes the language: French stays the default whatever the browser sends.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<MatchingDbContext>()
            .AddDefaultTokenProviders();
        // Invitations are read days later, not minutes: the default of one day would leave new members locked out.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = InvitationLifespan);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "matching.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));

        services.AddRazorPages(o =>
            {
                foreach (var role in Roles.All) o.Conventions.AuthorizeAreaFolder(role, "/", role);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        // ESCO labels are reference data, shared by every user; nothing personal is cached.
        services.AddSingleton<SkillLabelCache>();
        services.AddSingleton<LinkerWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<LinkerWarmup>());
        services.AddHealthChecks().AddDbContextCheck<MatchingDbContext>("database").AddCheck<LinkerWarmup>("linkers");
        return services;
    }

    /// <summary>The middleware pipeline: errors, security headers, static files, culture, authentication.</summary>
    public static WebApplication UseMatchingWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Pages, <c>/health</c> and the Admin-only Hangfire dashboard at <c>/admin/jobs</c>.</summary>
    public static WebApplication MapMatchingWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHangfireDashboard(HangfireDashboardPath, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardAuthorization()],
            AppPath = "/Admin",
            DashboardTitle = "Matching — jobs",
        });
        app.MapRazorPages();
        return app;
    }
}
