using Matching.Core.Engine;
using Matching.Core.Engine.Interchange;

namespace Matching.Cli.Commands;

public sealed class EvaluateCommand : ICliCommand
{
    public string Name => "evaluate";
    public string Summary => "NDCG@10, Recall@10/50 of the model, the cold-start scorer, random and a BM25 title baseline";
    public string Usage => """
        usage: matching evaluate --candidates c.jsonl --vacancies v.jsonl --decisions d.jsonl [--model models/ranker.zip]
                                 [--date YYYY-MM-DD]
        Ranks all candidates for every vacancy that has decisions; decided grades are the relevance (others count 0),
        relevant = shortlisted or better.
        """;

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "decisions", "model", "date");
        var date = RankSupport.ReferenceDate(args);
        var reader = RankSupport.Reader(date);
        var candidates = RankSupport.Read(() => reader.ReadCandidates(args.Require("candidates")));
        var vacancies = RankSupport.Read(() => reader.ReadVacancies(args.Require("vacancies")));
        var decisions = RankSupport.Read(() => InterchangeReader.ReadDecisions(args.Require("decisions")));

        var grades = decisions.GroupBy(d => d.VacancyId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(d => d.CandidateId, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Max(d => d.Grade), StringComparer.Ordinal), StringComparer.Ordinal);
        var judged = vacancies.Where(v => grades.ContainsKey(v.Id)).ToList();
        if (judged.Count == 0) throw new CliFailure("no decision refers to a vacancy of the vacancies file; check the ids.");

        var scorers = new List<(string Name, IPairScorer Scorer, bool Exhaustive)>();
        if (RankSupport.FindModel(args) is { } model) scorers.Add(("model", LearnedRanker.Load(model, "model"), false));
        scorers.Add(("cold-start", new ColdStartScorer(), false));
        scorers.Add(("random", new RandomScorer(7), true));

        Console.Out.WriteLine("scorer\tNDCG@10\tRecall@10\tRecall@50");
        foreach (var (name, scorer, exhaustive) in scorers)
        {
            var engine = new MatchingEngine(TaxonomyGraph.Default, scorer, new EngineOptions { Exhaustive = exhaustive, MaxDegreeOfParallelism = Environment.ProcessorCount });
            var result = engine.ShortlistCandidates(engine.IndexCandidates(candidates), judged, date);
            Report(name, judged, result.Lists.Select(l => l.Matches.Select(m => m.CandidateId).ToList()).ToList(), grades);
        }
        Report("bm25-title+place", judged, TitleBm25Baseline.RankCandidates(candidates, judged, 50), grades);
        return Task.FromResult(0);
    }

    private static void Report(string name, List<VacancyProfile> vacancies, List<List<string>> rankings, Dictionary<string, Dictionary<string, int>> grades)
    {
        List<double> ndcg = [], r10 = [], r50 = [];
        for (var i = 0; i < vacancies.Count; i++)
        {
            var known = grades[vacancies[i].Id];
            var ranked = rankings[i].Select(id => known.GetValueOrDefault(id)).ToList();
            if (RankingMetrics.Ndcg(ranked, known.Values, 10) is { } n) ndcg.Add(n);
            if (RankingMetrics.Recall(ranked, known.Values, 10) is { } a) r10.Add(a);
            if (RankingMetrics.Recall(ranked, known.Values, 50) is { } b) r50.Add(b);
        }
        static string Mean(List<double> xs) => RankSupport.Number(xs.Count == 0 ? 0 : xs.Average());
        Console.Out.WriteLine($"{name}\t{Mean(ndcg)}\t{Mean(r10)}\t{Mean(r50)}");
    }
}
