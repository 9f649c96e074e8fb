using System.Globalization;

namespace Matching.Web.Infrastructure;

/// <summary>The portal's UI languages: French first, Arabic (right to left) and English.</summary>
public static class Cultures
{
    public const string Default = "fr";
    public static readonly string[] Supported = ["fr", "ar", "en"];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture);

    /// <summary>Two-letter code of the current UI culture, for <c>&lt;html lang&gt;</c>.</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string CurrentDirection => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
}

/// <summary>Writes the culture cookie read by <see cref="Microsoft.AspNetCore.Localization.CookieRequestCultureProvider"/>.</summary>
public static class CultureCookie
{
    public static void Append(HttpResponse response, string culture) =>
        response.Cookies.Append(
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });

    public static bool IsSet(HttpRequest request) =>
        request.Cookies.ContainsKey(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName);
}
