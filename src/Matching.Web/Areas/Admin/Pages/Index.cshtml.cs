using Hangfire;
using Hangfire.Storage;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Admin.Pages;

/// <summary>Operations at a glance: data volumes, matching runs, and the recurring jobs as Hangfire stores them.</summary>
public sealed class IndexModel(MatchingDbContext db, JobStorage jobStorage) : PageModel
{
    public sealed record Count(string Key, int Value);

    public sealed record RunRow(int Id, MatchRunStatus Status, DateTimeOffset CreatedAt, int ChunksDone, int ChunksTotal, long PairsScored, string? Error);

    public sealed record JobRow(string Id, string Cron, DateTime? NextExecution, DateTime? LastExecution, string? LastState);

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Count> Counts { get; private set; } = [];
    public PageOf<RunRow> Runs { get; private set; } = Paging.Empty<RunRow>();
    public IReadOnlyList<JobRow> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts =
        [
            new("Admin.Count.Candidates", await db.Candidates.CountAsync(ct)),
            new("Admin.Count.Employers", await db.Employers.CountAsync(ct)),
            new("Admin.Count.Vacancies", await db.Vacancies.CountAsync(ct)),
            new("Admin.Count.Occupations", await db.Occupations.CountAsync(ct)),
            new("Admin.Count.Skills", await db.Skills.CountAsync(ct)),
        ];
        Runs = await db.MatchRuns
            .OrderByDescending(r => r.Id)
            .Select(r => new RunRow(r.Id, r.Status, r.CreatedAt, r.ChunksDone, r.ChunksTotal, r.PairsScored, r.Error))
            .ToPageAsync(PageNumber, ct);
        using var connection = jobStorage.GetConnection();
        Jobs = connection.GetRecurringJobs()
            .OrderBy(j => j.Id)
            .Select(j => new JobRow(j.Id, j.Cron, j.NextExecution, j.LastExecution, j.LastJobState))
            .ToList();
    }
}
