using System.Security.Claims;
using Matching.Data.Identity;

namespace Matching.Web.Infrastructure;

/// <summary>Where each role lands after signing in: its own area (/Employer, /Adviser, /Mentor, /Admin).</summary>
public static class Landing
{
    public static string? For(IEnumerable<string> roles) => Roles.All.FirstOrDefault(roles.Contains) is { } role ? "/" + role : null;

    public static string? For(ClaimsPrincipal user) => Roles.All.FirstOrDefault(user.IsInRole) is { } role ? "/" + role : null;
}
