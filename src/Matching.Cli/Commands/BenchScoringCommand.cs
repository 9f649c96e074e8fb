using System.Diagnostics;
using Matching.Core.Engine;

namespace Matching.Cli.Commands;

public sealed class BenchScoringCommand : ICliCommand
{
    public string Name => "bench scoring";
    public string Summary => "benchmark candidate generation and scoring on synthetic data (pairs, recall, throughput, time, memory)";
    public string Usage => """
        usage: matching bench scoring [--candidates 100000] [--vacancies 10000] [--sample 50] [--threads N]
                                      [--model models/ranker.zip] [--seed 1]
        Ranks every vacancy's top 50 with the learned ranker (a small one is trained first when no model exists),
        compares the kept pairs with brute force on --sample vacancies, and times batch Transform against one
        PredictionEngine.
        """;

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "sample", "threads", "model", "seed");
        int candidateCount = args.GetInt("candidates", 100_000, 100), vacancyCount = args.GetInt("vacancies", 10_000, 10);
        int sample = args.GetInt("sample", 50, 1), threads = args.GetInt("threads", Environment.ProcessorCount, 1, 64), seed = args.GetInt("seed", 1);
        var total = Stopwatch.StartNew();
        var graph = TaxonomyGraph.Default;
        var world = new SyntheticWorld(graph, seed);
        var candidates = world.Candidates(candidateCount);
        var vacancies = world.Vacancies(vacancyCount).Select(v => v.Vacancy).ToList();
        Console.Error.WriteLine($"generated {candidateCount} candidates and {vacancyCount} vacancies in {total.Elapsed.TotalSeconds:0.0} s");

        var ranker = RankSupport.FindModel(args) is { } path ? LearnedRanker.Load(path, "model") : TrainSmallRanker(graph, seed);
        var options = new EngineOptions { Top = 50, MaxDegreeOfParallelism = threads, QueriesPerBatch = 64 };
        var engine = new MatchingEngine(graph, ranker, options);

        var ranking = Stopwatch.StartNew();
        var pool = engine.IndexCandidates(candidates);
        var indexTime = ranking.Elapsed;
        var result = engine.ShortlistCandidates(pool, vacancies, world.Origin);
        ranking.Stop();

        // What candidate generation loses: brute-force top 50 on a sample of vacancies, same scorer.
        var random = new Random(seed);
        var sampled = vacancies.OrderBy(_ => random.Next()).Take(sample).ToList();
        var brute = new MatchingEngine(graph, ranker, options with { Exhaustive = true }).ShortlistCandidates(pool, sampled, world.Origin);
        var listsById = result.Lists.ToDictionary(l => l.QueryId, StringComparer.Ordinal);
        var kept = brute.Lists.Where(l => l.Matches.Count > 0)
            .Average(l => l.Matches.Select(m => m.CandidateId).Intersect(listsById[l.QueryId].Matches.Select(m => m.CandidateId)).Count() / (double)l.Matches.Count);

        // Throughput: the same rows through batch Transform and through one PredictionEngine.
        var rows = new List<float>();
        var features = new float[PairFeatures.Count];
        var someVacancies = sampled.Take(10).Select(v => PreparedVacancy.Create(graph, v, pool.Vocabulary)).ToList();
        for (var i = 0; rows.Count < 100_000 * PairFeatures.Count; i++)
        {
            PairFeatures.Compute(graph, pool.Items[i % pool.Items.Count], someVacancies[i % someVacancies.Count], world.Origin, features);
            rows.AddRange(features);
        }
        var flat = rows.ToArray();
        var batchWatch = Stopwatch.StartNew();
        ranker.Score(flat, flat.Length / PairFeatures.Count, new float[flat.Length / PairFeatures.Count]);
        var batchRate = flat.Length / PairFeatures.Count / batchWatch.Elapsed.TotalSeconds;
        var rowRate = ranker.RowByRowPairsPerSecond(flat, 20_000);
        total.Stop();

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
        Console.Out.WriteLine($"candidates\t{candidateCount}");
        Console.Out.WriteLine($"vacancies\t{vacancyCount}");
        Console.Out.WriteLine($"threads\t{threads}");
        Console.Out.WriteLine($"pairs_all\t{result.PairsPossible}");
        Console.Out.WriteLine($"pairs_scored\t{result.PairsScored}");
        Console.Out.WriteLine($"pairs_scored_share\t{RankSupport.Number(100.0 * result.PairsScored / result.PairsPossible)} %");
        Console.Out.WriteLine($"bruteforce_top50_kept\t{RankSupport.Number(kept)} (on {brute.Lists.Count} sampled vacancies)");
        Console.Out.WriteLine($"excluded_pairs\t{result.Exclusions.Count}");
        Console.Out.WriteLine($"index_seconds\t{indexTime.TotalSeconds:0.0}");
        Console.Out.WriteLine($"ranking_seconds\t{ranking.Elapsed.TotalSeconds:0.0} (index + generation + features + scoring, all vacancies)");
        Console.Out.WriteLine($"batch_transform_pairs_per_s\t{batchRate:0}");
        Console.Out.WriteLine($"prediction_engine_pairs_per_s\t{rowRate:0}");
        Console.Out.WriteLine($"batch_vs_prediction_engine\t{batchRate / rowRate:0.0}x");
        Console.Out.WriteLine($"total_seconds\t{total.Elapsed.TotalSeconds:0.0}");
        Console.Out.WriteLine($"peak_memory_mb\t{peakMb:0}");
        return Task.FromResult(0);
    }

    private static LearnedRanker TrainSmallRanker(TaxonomyGraph graph, int seed)
    {
        var world = new SyntheticWorld(graph, seed + 1000);
        var engine = new MatchingEngine(graph, new ColdStartScorer());
        var candidates = world.Candidates(3000);
        var vacancies = world.Vacancies(400);
        var pool = engine.IndexCandidates(candidates);
        var decisions = new EmployerBehaviourModel(seed).Decide(graph, pool, vacancies);
        var groups = RankerTraining.BuildGroups(graph, pool, vacancies.Select(v => v.Vacancy).ToList(), decisions);
        return LearnedRanker.Train(RankerTraining.Rows(groups), RankerAlgorithm.LightGbmLambdaMart, seed);
    }
}
