using System.Diagnostics;
using System.Globalization;
using Matching.Core.Linking;
using Matching.Core.Reference;

namespace Matching.Cli.Commands;

/// <summary>`eval-linking`: Acc@1, MRR and Recall@10 of the linkers beside the char n-gram TF-IDF baseline.</summary>
public sealed class EvalLinkingCommand : ICliCommand
{
    public string Name => "eval-linking";
    public string Summary => "evaluate the linkers against a char 3-5-gram TF-IDF baseline on the development sets";
    public string Usage =>
        "usage: matching eval-linking [--set all|NAME[,NAME…]] (NAME: heldout, realistic, realistic-dev2, realistic-dev3, realistic-dev4, realistic-test, realistic-test2, realistic-test3, realistic-test4, realistic-test5, realistic-test6, realistic-test7, realistic-test8, realistic-test9, realistic-test10, realistic-test11, realistic-test12, realistic-test13, realistic-test14, realistic-test15, realistic-test16, realistic-test17, realistic-test18, realistic-skills, realistic-skills-check, realistic-skills-check2, realistic-skills-test, realistic-ar-dev, realistic-ar-test) [--kind occupations|skills|all] [--lang fr|en|ar] [--misses N]\n" +
        "  heldout:   alternative labels left out of the index, then asked for\n" +
        "  realistic: French job titles as written in Morocco (src/Matching.Core/Linking/DevSet), French only\n" +
        "  realistic-dev2: a fourth such list (Moroccan job-ad style, with noise), French only\n" +
        "  realistic-dev3: a fifth such list of occupations the others barely touch (a check set), French only\n" +
        "  realistic-dev4: a sixth such list of job-ad titles (a check set), French only\n" +
        "  realistic-test: a second such list, never used for tuning (report only), French only\n" +
        "  realistic-test2: a third such list, never used for tuning (report only), French only\n" +
        "  realistic-test3: 150 titles by a writer who never saw the linker, sealed until reported, French only\n" +
        "  realistic-test4: 120 titles by a second such writer, sealed until the end of round 6, French only\n" +
        "  realistic-test5: 120 common job-ad titles by a third such writer, sealed until reported, French only\n" +
        "  realistic-test6: 120 job-ad and CV titles by a fourth such writer, sealed until the end of round 8, French only\n" +
        "  realistic-test7: 120 titles as HR staff and advisers write them, by a fifth such writer, sealed until the end of round 8, French only\n" +
        "  realistic-test8: 120 short titles in the style of issue #3's examples, by a sixth such writer, sealed until the end of round 9, French only\n" +
        "  realistic-test9: 120 titles as CSR-labelled companies and ANAPEC word their offers, by a seventh such writer, sealed until the end of round 9, French only\n" +
        "  realistic-test10: 120 short titles sampled by how often each job is hired, by an eighth such writer, sealed until the end of round 10, French only\n" +
        "  realistic-test11: 120 jobs held and sought by migrants, refugees and returnees as advisers type them, by a ninth such writer, sealed until the end of round 10, French only\n" +
        "  realistic-test12: 120 titles of migrants' and returnees' profiles, a quarter in Spanish, Italian, English or Portuguese, by a tenth such writer, sealed until the end of round 11\n" +
        "  realistic-test13: 120 short vacancy and internship titles across all jobs offered in Morocco, by an eleventh such writer, sealed until the end of round 11, French only\n" +
        "  realistic-test14: 120 titles, a third each as employers, advisers and candidates type them, by a twelfth such writer, sealed until the end of round 12, French only\n" +
        "  realistic-test15: 120 title lines of offers on Moroccan job boards, by a thirteenth such writer, sealed until the end of round 12, French only\n" +
        "  realistic-test16: 120 titles as migrant, refugee and returnee candidates type them on intake forms, by a fourteenth such writer, sealed until the end of round 15, French only\n" +
        "  realistic-test17: 120 vacancy and internship titles of CSR-labelled companies, by a fifteenth such writer, sealed until the end of round 15, French only\n" +
        "  realistic-test18: 120 short titles in the style of issue #3's examples, by a sixteenth such writer, sealed until the end of round 15, French only\n" +
        "  realistic-skills: French skill phrases and CV sentences as people write them (skills dev set), French only\n" +
        "  realistic-skills-check: a second such list, written before it was run (a check set, not for tuning), French only\n" +
        "  realistic-skills-check2: a third such list, written at the end of round 6 before it was run (a check set), French only\n" +
        "  realistic-skills-test: 80 skill phrases and CV sentences by an outside writer, sealed until the end of the skill-vocabulary round, French only\n" +
        "  realistic-ar-dev: job titles typed in Arabic script (Syrian, Yemeni, Moroccan wording), Arabic only (--lang ar)\n" +
        "  realistic-ar-test: 80 titles typed in Arabic script by an outside writer who never saw the linker, sealed until its first look, Arabic only (--lang ar)\n" +
        "  --misses N prints the first N queries the linker did not rank first\n" +
        "  --model PATH re-ranker for occupations (default models/linker-occupations-fr-en.zip next to the program; 'none' to skip)";

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly("set", "kind", "lang", "misses", "model");
        var set = args.Get("set") ?? "all";
        var kind = args.Get("kind") ?? "all";
        var lang = args.Get("lang") ?? "fr";
        var known = LinkingEvaluation.RealisticSets.Concat(LinkingEvaluation.RealisticSkillSets).Concat(LinkingEvaluation.RealisticArabicSets)
            .Select(s => s.Name).Append("heldout").ToList();
        if (set != "all" && set.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(s => !known.Contains(s)) is { } unknown)
            throw new UsageException($"--set must be all or a comma-separated list of {string.Join(", ", known)}; '{unknown}' is none of them.");
        if (kind is not ("occupations" or "skills" or "all")) throw new UsageException($"--kind must be occupations, skills or all, not '{kind}'.");
        if (!LinkingLanguages.IsSupportedForOccupations(lang)) throw new UsageException($"--lang must be fr, en or ar, not '{lang}'.");
        var showMisses = args.GetInt("misses", 0, 0, 100_000);

        var watch = Stopwatch.StartNew();
        var taxonomy = EscoTaxonomy.Load();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ESCO loaded in {watch.Elapsed.TotalSeconds:F2} s"));
        var misses = showMisses > 0 ? new List<LinkingMiss>() : null;
        var modelPath = args.Get("model") ?? LinkerReranker.OccupationModelFile;
        var reranker = modelPath == "none" ? null : LinkerReranker.TryLoad(modelPath);
        if (reranker is null && modelPath != "none") Console.Error.WriteLine($"no re-ranker at {modelPath}: scoring the unsupervised linker only");
        var results = LinkingEvaluation.Run(taxonomy, set, kind, lang, Console.Error, misses, reranker);

        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine($"{"set",-24} {"kind",-12} {"lang",-4} {"method",-14} {"n",6} {"Acc@1",6} {"MRR",6} {"R@10",6} {"q/s",8}");
        foreach (var r in results)
            Console.Out.WriteLine(string.Create(inv,
                $"{r.Set,-24} {r.Kind,-12} {r.Lang,-4} {r.Method,-14} {r.Queries,6} {r.AccuracyAt1,6:F3} {r.Mrr,6:F3} {r.RecallAt10,6:F3} {r.QueriesPerSecond,8:F0}"));
        if (misses is not null)
        {
            Console.Out.WriteLine();
            foreach (var m in misses.Take(showMisses))
                Console.Out.WriteLine($"{m.Set}\t{m.Query}\trank {(m.Rank == 0 ? ">100" : m.Rank.ToString(inv))}\texpected: {m.Expected}\tgot: {m.Got}");
        }
        return Task.FromResult(0);
    }
}
