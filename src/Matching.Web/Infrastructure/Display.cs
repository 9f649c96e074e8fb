using System.Globalization;
using Matching.Jobs;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Infrastructure;

/// <summary>How values are shown: ISO dates (read the same in all three languages), Morocco's clock, localised enums and labels.</summary>
public static class Display
{
    public const string Missing = "—";

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Missing;

    public static string DateTime(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, RecurringJobs.MoroccoTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : Missing;

    /// <summary>Hangfire hands out UTC <see cref="System.DateTime"/>s.</summary>
    public static string DateTime(DateTime? utc) =>
        utc is { } value ? DateTime(new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc))) : Missing;

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>Resource key "EnumType.Member", e.g. "VacancyStatus.Open".</summary>
    public static LocalizedString Enum<TEnum>(this IStringLocalizer localizer, TEnum value) where TEnum : struct, Enum =>
        localizer[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>ESCO occupation label in the UI language: Arabic where ESCO has it, else French, else English.</summary>
    public static string Occupation(string? labelEn, string? labelFr, string? labelAr) => Cultures.CurrentLanguage switch
    {
        "ar" => labelAr ?? labelFr ?? labelEn ?? Missing,
        "en" => labelEn ?? labelFr ?? Missing,
        _ => labelFr ?? labelEn ?? Missing,
    };

    /// <summary>ESCO skill label in the UI language: French or English (ESCO has no Arabic skill labels, so Arabic shows French).</summary>
    public static string Skill(string? labelEn, string? labelFr) => Occupation(labelEn, labelFr, null);

    public static string City(string? name, string? nameAr) =>
        (Cultures.CurrentLanguage == "ar" ? nameAr ?? name : name) ?? Missing;
}
