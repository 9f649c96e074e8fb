using Matching.Core.Domain;
using Matching.Core.Engine;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>
/// Weekly champion/challenger retraining on employers' decisions: LightGBM and FastTree are trained on the older
/// decisions and checked on the latest ones; the best replaces the model file only if it beats the current one.
/// With too few decisions it records why it did nothing (audit log) and stops.
/// </summary>
public sealed class RetrainRankerJob(
    MatchingDbContext db, IOptions<DatabaseOptions> database, RunScoringCache scoring, TimeProvider clock, ILogger<RetrainRankerJob> logger)
{
    public const string Id = "retrain-ranker";
    public const int MinimumDecisions = 500;

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var decisions = await db.Decisions
            .GroupBy(d => new { d.CandidateId, d.VacancyId })
            .Select(g => new { g.Key.CandidateId, g.Key.VacancyId, Step = g.OrderByDescending(d => d.DecidedAt).First().Step, DecidedAt = g.Min(d => d.DecidedAt) })
            .ToListAsync(ct);
        var latestRun = await db.MatchRuns.Where(r => r.Status == MatchRunStatus.Published).OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        if (decisions.Count < MinimumDecisions || latestRun is null)
            return await RecordAsync("ranker.retrain.skipped", $"not enough decisions: {decisions.Count} (at least {MinimumDecisions} and one published run are needed)", ct);

        var graph = TaxonomyGraph.Default;
        var today = RecurringJobs.MoroccoToday(clock);
        await using var connection = new NpgsqlConnection(database.Value.ConnectionString);
        await connection.OpenAsync(ct);
        var loader = new ProfileLoader(graph);
        var candidates = await loader.CandidatesOfRunAsync(connection, latestRun.Value, today, ct);
        var vacancies = await loader.VacanciesAsync(connection, decisions.Select(d => d.VacancyId).Distinct().Order().ToList(), ct);
        var pool = new MatchingEngine(graph, new ColdStartScorer()).IndexCandidates(candidates);
        var graded = decisions.Select(d => new GradedDecision(d.CandidateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d.VacancyId.ToString(System.Globalization.CultureInfo.InvariantCulture), Grade(d.Step), DateOnly.FromDateTime(d.DecidedAt.UtcDateTime)));
        var groups = RankerTraining.BuildGroups(graph, pool, vacancies, graded);
        if (groups.Count < 10)
            return await RecordAsync("ranker.retrain.skipped", $"not enough decisions: only {groups.Count} vacancies have two or more decided candidates (10 needed)", ct);

        var championPath = scoring.ModelFile();
        var champion = championPath is null ? null : LearnedRanker.Load(championPath, "champion");
        var report = RankerTraining.TrainAndSelect(groups, champion);
        var summary = $"challenger {report.Challenger.Name} NDCG@10 {report.HeldOutNdcg10[report.Challenger.Name]:0.000}, champion {report.ChampionNdcg10?.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";
        if (!report.Promoted) return await RecordAsync("ranker.retrain.kept", summary, ct);
        var target = championPath ?? Path.GetFullPath("models/ranker.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        report.Challenger.Save(target + ".new");
        File.Move(target + ".new", target, overwrite: true);
        await File.WriteAllTextAsync(Path.ChangeExtension(target, ".card.md"), RankerTraining.ModelCard(report, "employer decisions (PostgreSQL)", clock.GetUtcNow()), ct);
        return await RecordAsync("ranker.retrain.promoted", summary, ct);
    }

    private static int Grade(DecisionStep step) => step switch
    {
        DecisionStep.Rejected => GradedDecision.Rejected,
        DecisionStep.Shortlisted => GradedDecision.Shortlisted,
        DecisionStep.InterviewRequested or DecisionStep.Interviewed => GradedDecision.Interviewed,
        DecisionStep.Hired => GradedDecision.Hired,
        _ => GradedDecision.StillEmployedAfterSixMonths,
    };

    private async Task<string> RecordAsync(string action, string details, CancellationToken ct)
    {
        db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow(), Action = action, EntityType = "ranker", Details = details });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ranker retraining: {Action}: {Details}", action, details);
        return details;
    }
}
