using System.Diagnostics;
using System.Globalization;
using Matching.Core.Linking;
using Matching.Core.Reference;

namespace Matching.Cli.Commands;

/// <summary>`bench linking`: load time, single-thread titles per second and peak memory of the occupation linker.</summary>
public sealed class BenchLinkingCommand : ICliCommand
{
    public string Name => "bench linking";
    public string Summary => "benchmark the occupation linker: load seconds, titles/s on one thread, peak memory";
    public string Usage => "usage: matching bench linking [--lang fr|en] [--top N]";

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("lang", "top");
        var lang = args.Get("lang") ?? "fr";
        if (!LinkingLanguages.IsSupported(lang)) throw new UsageException($"--lang must be fr or en, not '{lang}'.");
        var top = args.GetInt("top", 20, 1, 1000);
        var inv = CultureInfo.InvariantCulture;

        var total = Stopwatch.StartNew();
        var occupations = EscoTaxonomy.LoadOccupations();
        var taxonomySeconds = total.Elapsed.TotalSeconds;
        var linker = OccupationLinker.FromOccupations(occupations);
        var loadSeconds = total.Elapsed.TotalSeconds;

        // Distinct titles as written: every alternative label, then the same with accents stripped and one typo,
        // so the typo-tolerant path is exercised too.
        var titles = occupations.SelectMany(o => lang == "fr" ? o.AltLabelsFr : o.AltLabelsEn).Distinct().ToList();
        occupations = null;
        var noisy = titles.Select((t, i) => WithTypo(TitleNormalizer.Fold(t), i)).ToList();
        GC.Collect();

        var all = titles.Concat(noisy).ToList();
        var watch = Stopwatch.StartNew();
        var checksum = 0.0;
        foreach (var t in all)
        {
            ct.ThrowIfCancellationRequested();
            var hits = linker.Link(t, lang, top);
            if (hits.Count > 0) checksum += hits[0].Score;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.Out.WriteLine(string.Create(inv, $"load_seconds\t{loadSeconds:F2}\t(ESCO files {taxonomySeconds:F2} s, index {loadSeconds - taxonomySeconds:F2} s)"));
        Console.Out.WriteLine(string.Create(inv, $"titles\t{all.Count}\t({titles.Count} labels + {noisy.Count} with a typo, top {top})"));
        Console.Out.WriteLine(string.Create(inv, $"titles_per_second\t{all.Count / seconds:F0}\t(one thread, {seconds:F2} s, mean top-1 score {checksum / all.Count:F3})"));
        Console.Out.WriteLine(string.Create(inv, $"peak_working_set_mb\t{peakMb:F0}"));
        Console.Error.WriteLine(string.Create(inv, $"total {total.Elapsed.TotalSeconds:F2} s"));
        return Task.FromResult(0);
    }

    private static string WithTypo(string title, int seed)
    {
        if (title.Length < 6) return title;
        var i = 2 + seed % (title.Length - 4);
        var chars = title.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }
}
