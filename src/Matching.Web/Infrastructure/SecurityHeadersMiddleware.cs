namespace Matching.Web.Infrastructure;

/// <summary>Adds the response headers every page carries; the portal needs no inline script, so the CSP forbids it.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string PortalPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // Hangfire's dashboard (Admin only) ships inline styles and scripts of its own.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(WebServiceCollectionExtensions.HangfireDashboardPath, StringComparison.OrdinalIgnoreCase)
            ? DashboardPolicy
            : PortalPolicy;
        return next(context);
    }
}
