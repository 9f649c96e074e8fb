using System.ComponentModel.DataAnnotations;
using Matching.Data.Demo;
using Matching.Data.Identity;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Matching.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    IOptions<DemoModeOptions> demo,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Login.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "Login.Password")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The demo logins, listed only in demo mode.</summary>
    public IReadOnlyList<(string Email, string Role, string Description)> DemoLogins =>
        demo.Value.Enabled ? DemoAccounts.All : [];

    public IActionResult OnGet() => Landing.For(User) is { } area ? LocalRedirect(area) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null) return Failure("Login.Invalid");

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return Failure("Login.LockedOut");
        if (!result.Succeeded) return Failure("Login.Invalid");

        // A language picked before signing in wins; otherwise the account's last choice applies.
        if (!CultureCookie.IsSet(Request) && Cultures.IsSupported(user.PreferredCulture))
            CultureCookie.Append(Response, user.PreferredCulture);

        if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/") return LocalRedirect(ReturnUrl);
        return LocalRedirect(Landing.For(await users.GetRolesAsync(user)) ?? "~/");
    }

    private PageResult Failure(string key)
    {
        ModelState.AddModelError(string.Empty, localizer[key]);
        return Page();
    }
}
