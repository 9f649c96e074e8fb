using Matching.Core.Engine;
using Matching.Core.Engine.Interchange;

namespace Matching.Cli.Commands;

public sealed class TrainCommand : ICliCommand
{
    public string Name => "train";
    public string Summary => "train the ranker (LightGBM vs FastTree) on graded decisions; champion/challenger on a later window";
    public string Usage => """
        usage: matching train --candidates c.jsonl --vacancies v.jsonl --decisions d.jsonl [--model models/ranker.zip]
                              [--held-out 20] [--date YYYY-MM-DD]
        Decisions: {"candidateId","vacancyId","grade" 0-4 or "outcome","decidedAt"}. The newest --held-out percent of
        vacancies (by decision date) is the check window; the model file and its card are replaced only if the
        challenger beats the current champion there.
        """;

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "decisions", "model", "held-out", "date");
        var date = RankSupport.ReferenceDate(args);
        var heldOut = args.GetInt("held-out", 20, 5, 50) / 100.0;
        var modelPath = args.Get("model") ?? RankSupport.DefaultModelPath;
        var reader = RankSupport.Reader(date);
        var candidates = RankSupport.Read(() => reader.ReadCandidates(args.Require("candidates")));
        var vacancies = RankSupport.Read(() => reader.ReadVacancies(args.Require("vacancies")));
        var decisions = RankSupport.Read(() => InterchangeReader.ReadDecisions(args.Require("decisions")));

        var engine = new MatchingEngine(TaxonomyGraph.Default, new ColdStartScorer());
        var groups = RankerTraining.BuildGroups(engine.Graph, engine.IndexCandidates(candidates), vacancies, decisions);
        var champion = File.Exists(modelPath) ? LearnedRanker.Load(modelPath, "champion") : null;
        TrainingReport report;
        try { report = RankerTraining.TrainAndSelect(groups, champion, heldOut); }
        catch (InvalidOperationException e) { throw new CliFailure(e.Message); }

        foreach (var (name, value) in report.HeldOutNdcg10.OrderByDescending(p => p.Value))
            Console.Out.WriteLine($"{name}\tNDCG@10={RankSupport.Number(value)}");
        if (!report.Promoted)
        {
            Console.Error.WriteLine($"train: the challenger did not beat the champion on the held-out window; {modelPath} is unchanged.");
            return Task.FromResult(0);
        }
        report.Challenger.Save(modelPath);
        var card = Path.ChangeExtension(modelPath, null) + ".card.md";
        File.WriteAllText(card, RankerTraining.ModelCard(report,
            $"{Path.GetFileName(args.Require("decisions"))}: {decisions.Count} decisions on {vacancies.Count} vacancies and {candidates.Count} candidates", DateTimeOffset.UtcNow));
        Console.Error.WriteLine($"train: {report.Challenger.Name} saved to {modelPath} with its card {card}.");
        return Task.FromResult(0);
    }
}
