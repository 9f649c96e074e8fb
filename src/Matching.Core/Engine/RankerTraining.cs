using System.Globalization;
using System.Text;

namespace Matching.Core.Engine;

/// <summary>The graded pairs of one vacancy, with the features computed as of the decision date.</summary>
public sealed record LabeledGroup(string VacancyId, DateOnly DecidedOn, IReadOnlyList<(string CandidateId, int Grade, float[] Features)> Items);

/// <summary>What a training run measured and decided (written into the model card).</summary>
public sealed record TrainingReport
{
    public required int TrainGroups { get; init; }
    public required int TrainDecisions { get; init; }
    public required int HeldOutGroups { get; init; }
    public required DateOnly TrainFrom { get; init; }
    public required DateOnly TrainTo { get; init; }
    public required DateOnly HeldOutFrom { get; init; }
    public required DateOnly HeldOutTo { get; init; }
    /// <summary>NDCG@10 on the held-out later window per scorer name (challengers, cold-start, random, champion).</summary>
    public required IReadOnlyDictionary<string, double> HeldOutNdcg10 { get; init; }
    public required LearnedRanker Challenger { get; init; }
    public double? ChampionNdcg10 { get; init; }
    public bool Promoted => ChampionNdcg10 is not { } champion || HeldOutNdcg10[Challenger.Name] > champion;
}

/// <summary>Turns graded decisions into training groups, trains the rankers and runs the champion/challenger check.</summary>
public static class RankerTraining
{
    /// <summary>Groups decisions per vacancy, computing each pair's features; pairs with unknown ids are skipped.</summary>
    public static List<LabeledGroup> BuildGroups(TaxonomyGraph graph, CandidatePool pool, IReadOnlyList<VacancyProfile> vacancies, IEnumerable<GradedDecision> decisions)
    {
        var candidateIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pool.Items.Count; i++) candidateIndex.TryAdd(pool.Items[i].Profile.Id, i);
        var vacancyById = vacancies.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var groups = new List<LabeledGroup>();
        foreach (var byVacancy in decisions.GroupBy(d => d.VacancyId, StringComparer.Ordinal))
        {
            if (!vacancyById.TryGetValue(byVacancy.Key, out var vacancy)) continue;
            var prepared = PreparedVacancy.Create(graph, vacancy, pool.Vocabulary);
            var decidedOn = byVacancy.Min(d => d.DecidedOn);
            var items = new List<(string, int, float[])>();
            foreach (var d in byVacancy.GroupBy(d => d.CandidateId, StringComparer.Ordinal).Select(g => g.MaxBy(x => x.Grade)!))
            {
                if (!candidateIndex.TryGetValue(d.CandidateId, out var c)) continue;
                var features = new float[PairFeatures.Count];
                PairFeatures.Compute(graph, pool.Items[c], prepared, decidedOn, features);
                items.Add((d.CandidateId, Math.Clamp(d.Grade, 0, 4), features));
            }
            if (items.Count > 1) groups.Add(new LabeledGroup(vacancy.Id, decidedOn, items));
        }
        return groups.OrderBy(g => g.DecidedOn).ThenBy(g => g.VacancyId, StringComparer.Ordinal).ToList();
    }

    public static List<RankingRow> Rows(IEnumerable<LabeledGroup> groups)
    {
        var rows = new List<RankingRow>();
        uint group = 0;
        foreach (var g in groups)
        {
            group++;
            rows.AddRange(g.Items.Select(i => new RankingRow { Features = i.Features, Label = i.Grade, GroupId = group }));
        }
        return rows;
    }

    /// <summary>Mean NDCG@k of re-ranking each group's decided candidates with <paramref name="scorer"/>.</summary>
    public static double Evaluate(IPairScorer scorer, IReadOnlyList<LabeledGroup> groups, int k = 10)
    {
        var all = groups.SelectMany(g => g.Items.SelectMany(i => i.Features)).ToArray();
        var scores = new float[all.Length / PairFeatures.Count];
        if (scores.Length > 0) scorer.Score(all, scores.Length, scores);
        var offset = 0;
        var perGroup = new List<IReadOnlyList<(float, int)>>();
        foreach (var g in groups)
        {
            perGroup.Add(g.Items.Select((item, i) => (scores[offset + i], item.Grade)).ToList());
            offset += g.Items.Count;
        }
        return RankingMetrics.MeanRerankNdcg(perGroup, k);
    }

    /// <summary>
    /// Trains LightGBM LambdaMART and FastTree ranking on the earlier groups, measures them, the cold-start formula,
    /// random order and the current champion on the later <paramref name="heldOutShare"/> of groups (by decision
    /// date), and returns the better challenger with the verdict.
    /// </summary>
    public static TrainingReport TrainAndSelect(IReadOnlyList<LabeledGroup> groups, LearnedRanker? champion, double heldOutShare = 0.2, int seed = 1)
    {
        if (groups.Count < 10) throw new InvalidOperationException($"only {groups.Count} vacancies have two or more decisions; at least 10 are needed to train and check a ranker.");
        var ordered = groups.OrderBy(g => g.DecidedOn).ToList();
        var split = Math.Clamp((int)Math.Round(ordered.Count * (1 - heldOutShare)), 1, ordered.Count - 1);
        var train = ordered.Take(split).ToList();
        var heldOut = ordered.Skip(split).ToList();
        var rows = Rows(train);
        var lightGbm = LearnedRanker.Train(rows, RankerAlgorithm.LightGbmLambdaMart, seed);
        var fastTree = LearnedRanker.Train(rows, RankerAlgorithm.FastTreeRanking, seed);
        var ndcg = new Dictionary<string, double>
        {
            [lightGbm.Name] = Evaluate(lightGbm, heldOut),
            [fastTree.Name] = Evaluate(fastTree, heldOut),
            ["cold-start"] = Evaluate(new ColdStartScorer(), heldOut),
            ["random"] = Evaluate(new RandomScorer(seed), heldOut),
        };
        double? championNdcg = champion is null ? null : Evaluate(champion, heldOut);
        if (championNdcg is { } c) ndcg["champion"] = c;
        var best = ndcg[lightGbm.Name] >= ndcg[fastTree.Name] ? lightGbm : fastTree;
        return new TrainingReport
        {
            TrainGroups = train.Count, TrainDecisions = rows.Count, HeldOutGroups = heldOut.Count,
            TrainFrom = train[0].DecidedOn, TrainTo = train[^1].DecidedOn, HeldOutFrom = heldOut[0].DecidedOn, HeldOutTo = heldOut[^1].DecidedOn,
            HeldOutNdcg10 = ndcg, Challenger = best, ChampionNdcg10 = championNdcg,
        };
    }

    /// <summary>The Markdown model card saved beside a model.</summary>
    public static string ModelCard(TrainingReport report, string dataSource, DateTimeOffset trainedAt)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"# Model card: {report.Challenger.Name} matching ranker");
        sb.AppendLine();
        sb.AppendLine("- Task: rank candidates for a vacancy (learning to rank, LambdaMART objective, one group per vacancy).");
        sb.AppendLine(inv, $"- Trained: {trainedAt:yyyy-MM-dd HH:mm} UTC with ML.NET 5.0.1; both LightGBM LambdaMART and FastTree ranking were trained, the better on the held-out window is kept.");
        sb.AppendLine(inv, $"- Data: {dataSource}");
        sb.AppendLine(inv, $"- Training window: decisions from {report.TrainFrom:yyyy-MM-dd} to {report.TrainTo:yyyy-MM-dd} ({report.TrainGroups} vacancies, {report.TrainDecisions} graded decisions).");
        sb.AppendLine(inv, $"- Held-out later window: {report.HeldOutFrom:yyyy-MM-dd} to {report.HeldOutTo:yyyy-MM-dd} ({report.HeldOutGroups} vacancies).");
        sb.AppendLine("- Labels: rejected 0, shortlisted 1, interviewed 2, hired 3, still employed after six months 4.");
        sb.AppendLine(inv, $"- Features ({PairFeatures.Count}): {string.Join(", ", PairFeatures.Names)}. Gender, age, nationality, religion and migration status are not inputs.");
        sb.AppendLine();
        sb.AppendLine("| scorer | NDCG@10 on the held-out window |");
        sb.AppendLine("|---|---|");
        foreach (var (name, value) in report.HeldOutNdcg10.OrderByDescending(p => p.Value)) sb.AppendLine(inv, $"| {name} | {value:0.000} |");
        sb.AppendLine();
        sb.AppendLine(report.ChampionNdcg10 is { } c
            ? (report.Promoted ? $"Champion/challenger: the challenger ({report.HeldOutNdcg10[report.Challenger.Name]:0.000}) beat the champion ({c:0.000}) and replaced it." : $"Champion/challenger: the challenger ({report.HeldOutNdcg10[report.Challenger.Name]:0.000}) did not beat the champion ({c:0.000}); the champion stays.")
            : "Champion/challenger: no champion existed; the challenger became the first champion.");
        sb.AppendLine();
        sb.AppendLine("Rebuild: `dotnet run --project src/Matching.Cli -- train --candidates c.jsonl --vacancies v.jsonl --decisions d.jsonl` (see models/README.md).");
        return sb.ToString();
    }
}
