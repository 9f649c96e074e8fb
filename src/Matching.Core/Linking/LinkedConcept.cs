namespace Matching.Core.Linking;

/// <summary>An ESCO concept proposed for a piece of free text.</summary>
/// <param name="Uri">ESCO concept URI (occupation or skill).</param>
/// <param name="Score">Confidence in 0..1: close to 1 for an exact match of a preferred label in the query's language.</param>
/// <param name="Label">Preferred label in the query's language (English when the French one is missing), for display.</param>
public sealed record LinkedConcept(string Uri, double Score, string Label);

/// <summary>Languages a query may be written in.</summary>
public static class LinkingLanguages
{
    /// <summary>
    /// Languages of the ESCO labels every linker indexes (preferred and alternative labels); accepted values of the lang
    /// argument of the skill linker.
    /// </summary>
    public static readonly IReadOnlyList<string> All = ["fr", "en"];

    /// <summary>
    /// Arabic: accepted by the occupation linker only, which indexes ESCO's Arabic preferred labels (there are no Arabic
    /// skill labels). An Arabic-script title is read as Arabic whatever the lang argument says.
    /// </summary>
    public const string Arabic = "ar";

    /// <summary>Accepted values of the lang argument of the occupation linker.</summary>
    public static readonly IReadOnlyList<string> Occupations = ["fr", "en", Arabic];

    /// <summary>True when <paramref name="lang"/> is one of <see cref="All"/>.</summary>
    public static bool IsSupported(string? lang) => lang is "fr" or "en";

    /// <summary>True when <paramref name="lang"/> is one of <see cref="Occupations"/>.</summary>
    public static bool IsSupportedForOccupations(string? lang) => IsSupported(lang) || lang == Arabic;

    internal static void Check(string lang, int top)
    {
        if (!IsSupported(lang)) throw new ArgumentException($"Language '{lang}' is not supported; use fr or en.", nameof(lang));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
    }
}
