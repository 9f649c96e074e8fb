using Matching.Core.Engine;
using Xunit.Abstractions;

namespace Matching.Core.Tests.Engine;

public class LearningTests(ITestOutputHelper output)
{
    [Fact]
    public void The_learned_ranker_beats_cold_start_and_random_on_a_later_window()
    {
        var world = new SyntheticWorld(Esco.Graph, seed: 3, occupationCount: 120);
        var candidates = world.Candidates(3000);
        var vacancies = world.Vacancies(400);
        var engine = new MatchingEngine(Esco.Graph, new ColdStartScorer());
        var pool = engine.IndexCandidates(candidates);
        var decisions = new EmployerBehaviourModel(seed: 5).Decide(Esco.Graph, pool, vacancies);
        Assert.Contains(decisions, d => d.Grade == GradedDecision.StillEmployedAfterSixMonths);
        Assert.Contains(decisions, d => d.Grade == GradedDecision.Rejected);

        var groups = RankerTraining.BuildGroups(Esco.Graph, pool, vacancies.Select(v => v.Vacancy).ToList(), decisions);
        var report = RankerTraining.TrainAndSelect(groups, champion: null);
        foreach (var (name, value) in report.HeldOutNdcg10) output.WriteLine($"{name}: {value:0.000}");

        Assert.True(report.HeldOutNdcg10[report.Challenger.Name] > report.HeldOutNdcg10["cold-start"] + 0.03);
        Assert.True(report.HeldOutNdcg10["cold-start"] > report.HeldOutNdcg10["random"]);
        Assert.True(report.Promoted);
        Assert.True(report.HeldOutFrom >= report.TrainTo);

        var path = Path.Combine(Path.GetTempPath(), $"ranker-{Guid.NewGuid():N}.zip");
        try
        {
            report.Challenger.Save(path);
            var loaded = LearnedRanker.Load(path, report.Challenger.Name);
            var held = groups.Skip(report.TrainGroups).ToList();
            Assert.Equal(RankerTraining.Evaluate(report.Challenger, held), RankerTraining.Evaluate(loaded, held), 6);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Candidate_generation_keeps_most_of_the_brute_force_top_50()
    {
        var world = new SyntheticWorld(Esco.Graph, seed: 11, occupationCount: 300);
        var candidates = world.Candidates(20_000);
        var vacancies = world.Vacancies(40).Select(v => v.Vacancy).ToList();
        var today = world.Origin;
        var generated = new MatchingEngine(Esco.Graph, new ColdStartScorer(), new EngineOptions { PoolShare = 0.02, MinimumPool = 50 });
        var brute = new MatchingEngine(Esco.Graph, new ColdStartScorer(), new EngineOptions { Exhaustive = true });
        var pool = generated.IndexCandidates(candidates);
        var fast = generated.ShortlistCandidates(pool, vacancies, today);
        var exact = brute.ShortlistCandidates(pool, vacancies, today);
        var kept = exact.Lists.Zip(fast.Lists).Average(p => p.First.Matches.Select(m => m.CandidateId).Intersect(p.Second.Matches.Select(m => m.CandidateId)).Count() / (double)p.First.Matches.Count);
        var share = fast.PairsScored / (double)fast.PairsPossible;
        output.WriteLine($"top-50 kept {kept:0.000}, pairs scored {share:P2}");
        Assert.True(share <= 0.021);
        Assert.True(kept >= 0.9, $"kept {kept:0.000}");
    }
}
