using System.Text;
using Matching.Core.Engine;
using Matching.Core.Engine.Interchange;

namespace Matching.Cli.Commands;

public sealed class InterchangeSynthCommand : ICliCommand
{
    public string Name => "interchange synth";
    public string Summary => "write synthetic candidates, vacancies and employer decisions as JSON Lines";
    public string Usage => """
        usage: matching interchange synth --out folder [--candidates 2000] [--vacancies 300] [--seed 1]
        Writes candidates.jsonl, vacancies.jsonl and decisions.jsonl (synthetic employer-behaviour model, see
        Matching.Core.Engine.EmployerBehaviourModel). Nobody real is described.
        """;

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("out", "candidates", "vacancies", "seed");
        var folder = args.Require("out");
        var seed = args.GetInt("seed", 1, 0);
        var world = new SyntheticWorld(TaxonomyGraph.Default, seed);
        var candidates = world.Candidates(args.GetInt("candidates", 2000, 1, 1_000_000));
        var vacancies = world.Vacancies(args.GetInt("vacancies", 300, 1, 1_000_000));
        var engine = new MatchingEngine(TaxonomyGraph.Default, new ColdStartScorer());
        var decisions = new EmployerBehaviourModel(seed).Decide(engine.Graph, engine.IndexCandidates(candidates), vacancies);

        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(false);
        using (var w = new StreamWriter(Path.Combine(folder, "candidates.jsonl"), false, utf8)) InterchangeWriter.WriteCandidates(engine.Graph, candidates, world.Origin, w);
        using (var w = new StreamWriter(Path.Combine(folder, "vacancies.jsonl"), false, utf8)) InterchangeWriter.WriteVacancies(engine.Graph, vacancies.Select(v => v.Vacancy), w);
        using (var w = new StreamWriter(Path.Combine(folder, "decisions.jsonl"), false, utf8)) InterchangeWriter.WriteDecisions(decisions, w);
        Console.Error.WriteLine($"wrote {candidates.Count} candidates, {vacancies.Count} vacancies and {decisions.Count} decisions to {folder}.");
        return Task.FromResult(0);
    }
}
