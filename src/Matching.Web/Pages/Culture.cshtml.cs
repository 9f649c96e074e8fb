using Matching.Data.Identity;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matching.Web.Pages;

/// <summary>The language switcher's target: sets the culture cookie (and the user's preference) and goes back.</summary>
[AllowAnonymous]
public sealed class CultureModel(UserManager<ApplicationUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        if (Cultures.IsSupported(culture))
        {
            CultureCookie.Append(Response, culture!);
            if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredCulture != culture)
            {
                user.PreferredCulture = culture!;
                await users.UpdateAsync(user);
            }
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
    }
}
