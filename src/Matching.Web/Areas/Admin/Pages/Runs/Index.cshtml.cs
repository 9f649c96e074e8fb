using Hangfire;
using Matching.Core.Domain;
using Matching.Core.Engine;
using Matching.Data;
using Matching.Jobs.Nightly;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Admin.Pages.Runs;

/// <summary>Nightly matching runs with their progress, and "Run now", which enqueues a run for the workers.</summary>
public sealed class IndexModel(MatchingDbContext db, IBackgroundJobClient jobs) : PageModel
{
    public sealed record RunRow(
        int Id, MatchRunStatus Status, string? TriggeredBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
        int ChunksDone, int ChunksTotal, long PairsScored, long MatchesWritten, string? Error, string? FairnessJson)
    {
        public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
        public FairnessReport? Fairness { get; } = RunFairness.Read(FairnessJson);
    }

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    public PageOf<RunRow> Runs { get; private set; } = Paging.Empty<RunRow>();

    [TempData]
    public bool Enqueued { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Runs = await db.MatchRuns
            .OrderByDescending(r => r.Id)
            .Select(r => new RunRow(r.Id, r.Status, r.TriggeredBy, r.CreatedAt, r.StartedAt, r.PublishedAt ?? r.CompletedAt,
                r.ChunksDone, r.ChunksTotal, r.PairsScored, r.MatchesWritten, r.Error, r.FairnessJson))
            .ToPageAsync(PageNumber, ct);
    }

    public IActionResult OnPostRunNow()
    {
        // The key is fixed here, so Hangfire retrying the start resumes this run instead of starting another.
        var key = NightlyPipeline.ManualRunKey();
        var by = $"admin:{User.Identity?.Name}";
        jobs.Enqueue<NightlyPipeline>(p => p.StartAsync(key, by, CancellationToken.None));
        Enqueued = true;
        return RedirectToPage();
    }

    /// <summary>A group name of the audit ("refugee", "female", "unknown") in the UI language.</summary>
    public static string Group<TEnum>(Microsoft.Extensions.Localization.IStringLocalizer localizer, string group) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(group, ignoreCase: true, out var value) ? localizer.Enum(value) : localizer["Runs.FairnessUnknown"];

    public static string Duration(TimeSpan? duration) => duration is { } d
        ? d.TotalHours >= 1 ? d.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : d.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture)
        : Display.Missing;
}
