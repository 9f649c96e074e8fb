using Hangfire.Dashboard;
using Matching.Data.Identity;

namespace Matching.Web.Infrastructure;

/// <summary>Hangfire's dashboard is open to signed-in admins only; anyone else gets 401/403.</summary>
public sealed class AdminOnlyDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(Roles.Admin);
}
