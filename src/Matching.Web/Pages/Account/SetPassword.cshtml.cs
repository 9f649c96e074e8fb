using System.ComponentModel.DataAnnotations;
using Matching.Data.Identity;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Pages.Account;

/// <summary>
/// Where an invited team member chooses a password: the invitation's link carries the user id and an Identity
/// password-reset token. The token is single-use (setting the password changes the security stamp) and expires
/// after <see cref="WebServiceCollectionExtensions.InvitationLifespan"/>.
/// </summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class SetPasswordInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Display(Name = "SetPassword.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "SetPassword.Error.Mismatch")]
        [Display(Name = "SetPassword.Confirm")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetPasswordInput Input { get; set; } = new();

    /// <summary>False when the link lacks its user or token: the page then only says what to do.</summary>
    public bool LinkComplete => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Token);

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LinkComplete) return Failure("SetPassword.Error.Link");
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByIdAsync(UserId!);
        if (user is null) return Failure("SetPassword.Error.Link");

        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            var invalidToken = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            return Failure(invalidToken ? "SetPassword.Error.Link" : "SetPassword.Error.Weak");
        }
        // The link reached its mailbox: the address is confirmed.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        TempData["Flash"] = t["SetPassword.Done"].Value;
        return RedirectToPage("/Account/Login");
    }

    private PageResult Failure(string key)
    {
        ModelState.AddModelError(string.Empty, t[key]);
        return Page();
    }
}
