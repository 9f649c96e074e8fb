using System.Text;
using System.Text.Json;
using Matching.Core.Engine;

namespace Matching.Cli.Commands;

public sealed class RankCommand : ICliCommand
{
    public string Name => "rank";
    public string Summary => "rank vacancies per candidate (or candidates per vacancy) from JSON Lines files";
    public string Usage => """
        usage: matching rank --candidates c.jsonl --vacancies v.jsonl [--per candidate|vacancy] [--top 50]
                             [--scorer auto|cold-start|model] [--model models/ranker.zip] [--date YYYY-MM-DD]
                             [--explanations file.jsonl]
        Prints TSV: query_id<TAB>rank<TAB>item_id<TAB>score. --explanations also writes one explanation per match.
        """;

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("candidates", "vacancies", "per", "top", "scorer", "model", "date", "explanations");
        var per = args.Get("per") ?? "candidate";
        if (per is not ("candidate" or "vacancy")) throw new UsageException($"--per must be candidate or vacancy, not '{per}'.");
        var top = args.GetInt("top", 50, 1, 10_000);
        var date = RankSupport.ReferenceDate(args);
        var reader = RankSupport.Reader(date);
        var candidates = RankSupport.Read(() => reader.ReadCandidates(args.Require("candidates")));
        var vacancies = RankSupport.Read(() => reader.ReadVacancies(args.Require("vacancies")));
        var engine = new MatchingEngine(TaxonomyGraph.Default, RankSupport.Scorer(args, candidates),
            new EngineOptions { Top = top, MaxDegreeOfParallelism = Environment.ProcessorCount });

        var result = per == "candidate"
            ? engine.RankOpportunities(engine.IndexVacancies(vacancies), candidates, date)
            : engine.ShortlistCandidates(engine.IndexCandidates(candidates), vacancies, date);

        var tsv = new StringBuilder("query_id\trank\titem_id\tscore\n");
        foreach (var list in result.Lists)
            for (var i = 0; i < list.Matches.Count; i++)
            {
                var m = list.Matches[i];
                tsv.Append(list.QueryId).Append('\t').Append(i + 1).Append('\t')
                    .Append(per == "candidate" ? m.VacancyId : m.CandidateId).Append('\t')
                    .Append(m.Score.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }

        if (args.Get("explanations") is { } explanationsPath)
        {
            var candidateById = candidates.ToDictionary(c => c.Id, StringComparer.Ordinal);
            var vacancyById = vacancies.ToDictionary(v => v.Id, StringComparer.Ordinal);
            using var writer = new StreamWriter(explanationsPath, false, new UTF8Encoding(false));
            foreach (var m in result.Lists.SelectMany(l => l.Matches))
            {
                var e = MatchExplanation.Explain(engine.Graph, candidateById[m.CandidateId], vacancyById[m.VacancyId], m.Features, m.Score, engine.Scorer.Name);
                writer.WriteLine(JsonSerializer.Serialize(new { explanation = e, fr = e.Render("fr"), en = e.Render("en") }));
            }
        }

        Console.Out.Write(tsv.ToString());
        Console.Error.WriteLine($"rank: {candidates.Count} candidates × {vacancies.Count} vacancies, scorer {engine.Scorer.Name}, " +
            $"{result.PairsScored} of {result.PairsPossible} pairs scored, {result.Exclusions.Count} pairs excluded by hard filters.");
        return Task.FromResult(0);
    }
}
