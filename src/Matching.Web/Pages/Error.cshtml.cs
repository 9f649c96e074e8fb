using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Matching.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    /// <summary>Title and text resource keys for the status being shown.</summary>
    public (string Title, string Text) Message => Code switch
    {
        StatusCodes.Status404NotFound => ("Error.NotFoundTitle", "Error.NotFoundText"),
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ("AccessDenied.Title", "AccessDenied.Text"),
        _ => ("Error.Title", "Error.Text"),
    };

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
