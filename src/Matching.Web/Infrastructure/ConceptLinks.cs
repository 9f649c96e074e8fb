using System.Globalization;
using Matching.Core.Linking;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Matching.Web.Infrastructure;

/// <summary>
/// Links what a user typed (a job title, a skill phrase, a sentence from a CV) with the ESCO linkers and maps the
/// ranked concepts to database rows labelled in the UI language. The linker's score is the stored link confidence.
/// </summary>
public static class ConceptLinks
{
    /// <summary>A ranked concept: database id, label in the UI language, linker confidence (0–1).</summary>
    public sealed record Suggestion(int Id, string Label, double Score)
    {
        /// <summary>"id|score", the value a suggestion button posts; read back by <see cref="TryParseChoice"/>.</summary>
        public string Choice => $"{Id}|{Score.ToString("0.####", CultureInfo.InvariantCulture)}";
    }

    public const int MaxSuggestions = 8;

    /// <summary>Longer text is cut: a title or a CV sentence fits, a pasted CV is not linked whole.</summary>
    public const int MaxTextLength = 500;

    /// <summary>
    /// The language the linkers read Latin-script text in: English in the English UI, French otherwise. A job title typed
    /// in Arabic script is linked through ESCO's Arabic labels whatever the UI language (the occupation linker reads it as
    /// Arabic), so a title saved from any form gets its occupation; ESCO has no Arabic skill labels.
    /// </summary>
    public static string QueryLanguage => Cultures.CurrentLanguage == "en" ? "en" : "fr";

    /// <summary>The occupations best matching <paramref name="text"/>, best first; empty for blank text.</summary>
    public static async Task<IReadOnlyList<Suggestion>> OccupationsAsync(MatchingDbContext db, string? text, int top, CancellationToken ct)
    {
        if (Clean(text) is not { } query) return [];
        var links = OccupationLinker.Shared.Link(query, QueryLanguage, top);
        var uris = links.Select(l => l.Uri).ToList();
        var rows = await db.Occupations.Where(o => uris.Contains(o.Uri))
            .Select(o => new { o.Id, o.Uri, o.LabelEn, o.LabelFr, o.LabelAr }).ToDictionaryAsync(o => o.Uri, ct);
        return links.Where(l => rows.ContainsKey(l.Uri))
            .Select(l =>
            {
                var o = rows[l.Uri];
                return new Suggestion(o.Id, Display.Occupation(o.LabelEn, o.LabelFr, o.LabelAr), l.Score);
            })
            .ToList();
    }

    /// <summary>The skills best matching <paramref name="text"/> (a phrase or a sentence), best first; empty for blank text.</summary>
    public static async Task<IReadOnlyList<Suggestion>> SkillsAsync(MatchingDbContext db, string? text, int top, CancellationToken ct)
    {
        if (Clean(text) is not { } query) return [];
        var links = SkillLinker.Shared.Link(query, QueryLanguage, top);
        var uris = links.Select(l => l.Uri).ToList();
        var rows = await db.Skills.Where(s => uris.Contains(s.Uri))
            .Select(s => new { s.Id, s.Uri, s.LabelEn, s.LabelFr }).ToDictionaryAsync(s => s.Uri, ct);
        return links.Where(l => rows.ContainsKey(l.Uri))
            .Select(l =>
            {
                var s = rows[l.Uri];
                return new Suggestion(s.Id, Display.Skill(s.LabelEn, s.LabelFr), l.Score);
            })
            .ToList();
    }

    /// <summary>Reads "id|score" posted by a suggestion button; a missing or out-of-range score reads as null.</summary>
    public static bool TryParseChoice(string? value, out int id, out double? score)
    {
        var parts = (value ?? "").Split('|');
        score = parts.Length > 1 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 1 ? s : null;
        return int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out id);
    }

    /// <summary>A confidence posted back by the form, kept only when it is a probability.</summary>
    public static double? Confidence(double? posted) => posted is >= 0 and <= 1 ? posted : null;

    /// <summary>Trimmed text of at least two characters, cut to <see cref="MaxTextLength"/>; null otherwise.</summary>
    public static string? Clean(string? text)
    {
        var q = text?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length < 2) return null;
        return q.Length > MaxTextLength ? q[..MaxTextLength] : q;
    }

    /// <summary>The phrases of a skills field: one per line, comma or semicolon, so each is linked on its own.</summary>
    public static IReadOnlyList<string> Phrases(string? text) =>
        (Clean(text) ?? "").Split(['\n', ';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>What the suggestions partial shows: buttons that post <see cref="ConceptLinks.Suggestion.Choice"/> to a handler.</summary>
/// <param name="Items">The ranked suggestions.</param>
/// <param name="ButtonName">Form field name the chosen button posts.</param>
/// <param name="Action">URL the buttons post the form to (a page handler).</param>
/// <param name="TestId">data-testid of each button.</param>
/// <param name="Searched">True once a search ran, so an empty list says "no suggestion".</param>
public sealed record SuggestionList(IReadOnlyList<ConceptLinks.Suggestion> Items, string ButtonName, string? Action, string TestId, bool Searched);

/// <summary>
/// Builds both linkers in the background at start, so the first user does not wait for them (seconds on a busy
/// machine); until they are ready the "linkers" health check reports Degraded.
/// </summary>
public sealed class LinkerWarmup(ILogger<LinkerWarmup> logger) : BackgroundService, IHealthCheck
{
    private volatile bool _ready;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var occupations = OccupationLinker.Shared.Count;
        var skills = SkillLinker.Shared.Count;
        _ready = true;
        logger.LogInformation("Linkers ready: {Occupations} occupations, {Skills} skills in {Elapsed}", occupations, skills,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }, stoppingToken);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ready ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("The ESCO linkers are still being built."));
}
