using System.Globalization;
using Matching.Core.Linking;
using Matching.Core.Reference;

namespace Matching.Cli.Commands;

/// <summary>`train-linker`: trains the occupation re-ranker from the shipped taxonomy and writes the model file and its card.</summary>
public sealed class TrainLinkerCommand : ICliCommand
{
    public string Name => "train-linker";
    public string Summary => "train the occupation linker's re-ranker (LambdaMART) from the taxonomy; writes models/linker-occupations-fr-en.zip";
    public string Usage =>
        "usage: matching train-linker [--out models/linker-occupations-fr-en.zip] [--realistic | --cv]\n" +
        "  --realistic trains on the realistic French sets instead of the taxonomy; --cv prints, for each realistic set, its MRR\n" +
        "  without and with a re-ranker trained on the other sets (leave one set out) and writes no model.\n" +
        "  Run from the repository root so the model lands in models/ and is committed; rebuild the CLI to copy it next to the program.";

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("out", "realistic", "cv");
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'.");
        var output = args.Get("out") ?? Path.Combine("models", "linker-occupations-fr-en.zip");
        if (args.Has("cv") || args.Has("realistic"))
        {
            var sets = LinkingEvaluation.RealisticSets.Select(s => (s.Name, LinkingEvaluation.ReadRealisticOccupations(s.File))).ToList();
            if (args.Has("cv"))
            {
                foreach (var (set, n, before, after) in LinkerTraining.CrossValidateRealistic(EscoTaxonomy.LoadOccupations(), sets, Console.Error))
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set}\t{n}\t{before:F3}\t{after:F3}"));
                return Task.FromResult(0);
            }
            LinkerTraining.TrainOnRealistic(EscoTaxonomy.LoadOccupations(), sets, Console.Error).Save(output);
            return Task.FromResult(0);
        }
        var (model, report) = LinkerTraining.TrainOccupations(EscoTaxonomy.LoadOccupations(), Console.Error);
        model.Save(output);
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"model\t{output}\t{new FileInfo(output).Length / 1024.0:F0} KB"));
        Console.Out.WriteLine(string.Create(inv, $"trees\t{report.Trees}"));
        Console.Out.WriteLine(string.Create(inv, $"training_queries\t{report.TrainQueries}\t({report.Rows} rows)"));
        Console.Out.WriteLine(string.Create(inv, $"validation_mrr\t{report.ValidationMrrBefore:F3} -> {report.ValidationMrrAfter:F3}\t({report.ValidationQueries} queries on unseen concepts)"));
        Console.Out.WriteLine(string.Create(inv, $"export_max_error\t{report.MaxExportError:G3}"));
        Console.Out.WriteLine(string.Create(inv, $"seconds\t{report.Seconds:F1}"));
        return Task.FromResult(0);
    }
}
