using System.Diagnostics;
using System.Globalization;
using System.Text;
using Matching.Core.Linking;
using Matching.Core.Reference;

namespace Matching.Cli.Commands;

/// <summary>`link-occupations`: job titles on stdin, one per line → ranked ESCO occupations as TSV on stdout.</summary>
public sealed class LinkOccupationsCommand : LinkCommandBase
{
    public override string Name => "link-occupations";
    public override string Summary => "link job titles (stdin, one a line) to ESCO occupations (TSV on stdout)";
    protected override Func<string, string, int, IReadOnlyList<LinkedConcept>> Build() =>
        OccupationLinker.FromOccupations(EscoTaxonomy.LoadOccupations()).Link;
    protected override IReadOnlyList<string> Languages => LinkingLanguages.Occupations;
    protected override string LanguageNote => "; a line mostly in Arabic script is read as Arabic whatever --lang says";
}

/// <summary>`link-skills`: skill phrases or sentences on stdin → ranked ESCO skills as TSV on stdout.</summary>
public sealed class LinkSkillsCommand : LinkCommandBase
{
    public override string Name => "link-skills";
    public override string Summary => "link skill phrases or sentences (stdin, one a line) to ESCO skills (TSV on stdout)";
    protected override Func<string, string, int, IReadOnlyList<LinkedConcept>> Build() =>
        SkillLinker.FromTaxonomy(EscoTaxonomy.Load()).Link;
}

public abstract class LinkCommandBase : ICliCommand
{
    public abstract string Name { get; }
    public abstract string Summary { get; }
    /// <summary>Accepted values of --lang.</summary>
    protected virtual IReadOnlyList<string> Languages => LinkingLanguages.All;
    /// <summary>Appended to the --lang line of the usage text.</summary>
    protected virtual string LanguageNote => "";

    public string Usage =>
        $"usage: matching {Name} [--lang {string.Join('|', Languages)}] [--top N] < queries.txt > ranked.tsv\n" +
        $"  --lang  language of the queries (default fr){LanguageNote}\n" +
        "  --top   results per query, 1 to 1000 (default 20)\n" +
        "Input: UTF-8, one query per line. Output: TSV `line rank concept_uri score` (line is 1-based; an empty line gives no rows).";

    protected abstract Func<string, string, int, IReadOnlyList<LinkedConcept>> Build();

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("lang", "top");
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'; queries are read from stdin.");
        var lang = args.Has("lang") ? args.Require("lang") : "fr";
        if (!Languages.Contains(lang)) throw new UsageException($"--lang must be {string.Join(", ", Languages.SkipLast(1))} or {Languages[^1]}, not '{lang}'.");
        var top = args.GetInt("top", 20, 1, 1000);

        var watch = Stopwatch.StartNew();
        var link = Build();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name}: linker ready in {watch.Elapsed.TotalSeconds:F2} s"));

        watch.Restart();
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        output.WriteLine("line\trank\tconcept_uri\tscore");
        var lineNumber = 0;
        var rows = 0;
        var sb = new StringBuilder(256);
        while (input.ReadLine() is { } line)
        {
            ct.ThrowIfCancellationRequested();
            lineNumber++;
            var hits = link(line, lang, top);
            for (var r = 0; r < hits.Count; r++)
            {
                sb.Clear();
                sb.Append(lineNumber).Append('\t').Append(r + 1).Append('\t').Append(hits[r].Uri).Append('\t')
                  .Append(hits[r].Score.ToString("0.####", CultureInfo.InvariantCulture));
                output.WriteLine(sb);
                rows++;
            }
            if (lineNumber % 10_000 == 0) Console.Error.WriteLine($"{Name}: {lineNumber} lines");
        }
        output.Flush();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {lineNumber} lines, {rows} rows in {seconds:F2} s ({lineNumber / Math.Max(seconds, 1e-9):F0} lines/s)"));
        return Task.FromResult(0);
    }
}
