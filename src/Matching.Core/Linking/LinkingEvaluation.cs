using System.Diagnostics;
using System.Globalization;
using Matching.Core.Reference;

namespace Matching.Core.Linking;

/// <summary>Acc@1, MRR (over the first 100 results) and Recall@10 of one method on one query set.</summary>
public sealed record LinkingScores(string Set, string Kind, string Lang, string Method, int Queries, double AccuracyAt1, double Mrr,
    double RecallAt10, double QueriesPerSecond);

/// <summary>A query of a development set with the concept URIs accepted as correct.</summary>
public sealed record DevQuery(string Text, IReadOnlySet<string> Accepted);

/// <summary>A query the linker ranked badly, for error analysis.</summary>
public sealed record LinkingMiss(string Set, string Query, int Rank, string Expected, string Got);

/// <summary>
/// Honest development sets for the linkers and their scoring beside the character n-gram TF-IDF baseline:
/// "heldout" removes one alternative label from a fixed sample of concepts (and every label normalising to the same
/// words) before building both linker and baseline, then asks for it; "realistic" is a hand-written list of French
/// job titles as people write them in Morocco, with answers written before any tuning; "realistic-test" is a second such
/// list, written before a later round of tuning and never used to choose anything.
/// </summary>
public static class LinkingEvaluation
{
    private const string OccupationPrefix = "http://data.europa.eu/esco/occupation/";
    private const string SkillPrefix = "http://data.europa.eu/esco/skill/";

    /// <summary>A file of the evaluation sets shipped next to the assemblies (<c>Linking/DevSet</c>).</summary>
    private static string DevSetFile(string name) => Path.Combine(AppContext.BaseDirectory, "Linking", "DevSet", name);

    /// <summary>Path of the realistic French job titles file shipped next to the assemblies.</summary>
    public static string RealisticOccupationsFile => DevSetFile("realistic-occupations-fr.tsv");

    /// <summary>
    /// Path of the second realistic set, a test set of other French job titles that is never used for tuning (only reported).
    /// </summary>
    public static string RealisticOccupationsTestFile => DevSetFile("realistic-occupations-fr-test.tsv");

    /// <summary>
    /// Path of the third realistic set, written before the fourth round of tuning from ESCO keyword searches; never used
    /// for tuning (only reported).
    /// </summary>
    public static string RealisticOccupationsTest2File => DevSetFile("realistic-occupations-fr-test2.tsv");

    /// <summary>
    /// Path of the fourth realistic set, written from ESCO keyword searches before the fifth round of tuning and used
    /// for development (tuning allowed).
    /// </summary>
    public static string RealisticOccupationsDev2File => DevSetFile("realistic-occupations-fr-dev2.tsv");

    /// <summary>
    /// Path of the fifth realistic set, a check set of occupations the other sets barely touch, written before it was
    /// run; read to check the round's changes, not for tuning.
    /// </summary>
    public static string RealisticOccupationsDev3File => DevSetFile("realistic-occupations-fr-dev3.tsv");

    /// <summary>Path of the sixth realistic set, a check set of job-ad titles written at the end of round 5; not for tuning.</summary>
    public static string RealisticOccupationsDev4File => DevSetFile("realistic-occupations-fr-dev4.tsv");

    /// <summary>
    /// Path of the seventh realistic set (150 titles), written by a separate writer who never saw the linker, its code
    /// or its output, and sealed until the end of linker round 5. Never tune on it: report it.
    /// </summary>
    public static string RealisticOccupationsTest3File => DevSetFile("realistic-occupations-fr-test3.tsv");

    /// <summary>
    /// Path of the eighth realistic set (120 titles), written by a second outside writer who never saw the linker, its
    /// code or its output, and sealed until the end of linker round 6. Never tune on it: report it.
    /// </summary>
    public static string RealisticOccupationsTest4File => DevSetFile("realistic-occupations-fr-test4.tsv");

    /// <summary>
    /// Path of the ninth realistic set (120 titles, a representative mix of common Moroccan job-ad titles), written by a
    /// third outside writer who never saw the linker, its code or its output. Never tune on it: report it.
    /// </summary>
    public static string RealisticOccupationsTest5File => DevSetFile("realistic-occupations-fr-test5.tsv");

    /// <summary>
    /// Path of the tenth realistic set (120 job-ad and CV titles, three quarters everyday jobs), written by a fourth outside
    /// writer who never saw the linker, its code or its output, sealed until the end of linker round 8. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest6File => DevSetFile("realistic-occupations-fr-test6.tsv");

    /// <summary>
    /// Path of the eleventh realistic set (120 titles as HR staff and advisers write them in vacancies and profiles), written
    /// by a fifth outside writer who never saw the linker, sealed until the end of linker round 8. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest7File => DevSetFile("realistic-occupations-fr-test7.tsv");

    /// <summary>
    /// Path of the twelfth realistic set (120 short titles in the style of the examples), written by a sixth
    /// outside writer who never saw the linker, sealed until the end of linker round 9. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest8File => DevSetFile("realistic-occupations-fr-test8.tsv");

    /// <summary>
    /// Path of the thirteenth realistic set (120 titles as CSR-labelled companies and ANAPEC word their offers), written
    /// by a seventh outside writer who never saw the linker, sealed until the end of linker round 9. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest9File => DevSetFile("realistic-occupations-fr-test9.tsv");

    /// <summary>
    /// Path of the fourteenth realistic set (120 short titles, a sample weighted by how often Morocco hires each job), written
    /// by an eighth outside writer who never saw the linker, sealed until the end of linker round 10. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest10File => DevSetFile("realistic-occupations-fr-test10.tsv");

    /// <summary>
    /// Path of the fifteenth realistic set (120 titles of jobs held and sought by migrants, refugees and returnees, as
    /// advisers type them), written by a ninth outside writer, sealed until the end of linker round 10. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest11File => DevSetFile("realistic-occupations-fr-test11.tsv");

    /// <summary>
    /// Path of the sixteenth realistic set (120 titles of migrants', refugees' and returnees' profiles, a quarter in Spanish,
    /// Italian, English or Portuguese), written by a tenth outside writer, sealed until the end of linker round 11. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest12File => DevSetFile("realistic-occupations-fr-test12.tsv");

    /// <summary>
    /// Path of the seventeenth realistic set (120 short vacancy and internship titles across all jobs offered in Morocco),
    /// written by an eleventh outside writer, sealed until the end of linker round 11. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest13File => DevSetFile("realistic-occupations-fr-test13.tsv");

    /// <summary>
    /// Path of the eighteenth realistic set (120 titles: a third each as employers, advisers and candidates type them),
    /// written by a twelfth outside writer, sealed until the end of linker round 12. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest14File => DevSetFile("realistic-occupations-fr-test14.tsv");

    /// <summary>
    /// Path of the nineteenth realistic set (120 title lines of offers on Moroccan job boards), written by a thirteenth
    /// outside writer, sealed until the end of linker round 12. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest15File => DevSetFile("realistic-occupations-fr-test15.tsv");

    /// <summary>
    /// Path of the twentieth realistic set (120 titles as migrant, refugee and returnee candidates type them on intake
    /// forms), written by a fourteenth outside writer, sealed until the end of linker round 15. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest16File => DevSetFile("realistic-occupations-fr-test16.tsv");

    /// <summary>
    /// Path of the twenty-first realistic set (120 vacancy and internship titles of CSR-labelled companies), written by a
    /// fifteenth outside writer, sealed until the end of linker round 15. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest17File => DevSetFile("realistic-occupations-fr-test17.tsv");

    /// <summary>
    /// Path of the twenty-second realistic set (120 short titles in the style of the linker issue's examples), written by a
    /// sixteenth outside writer, sealed until the end of linker round 15. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsTest18File => DevSetFile("realistic-occupations-fr-test18.tsv");

    /// <summary>
    /// Path of the realistic French skill phrases (profile-form phrases and CV sentences) with ESCO skill answers chosen by
    /// keyword search before any linker ran on them; a development set (tuning allowed).
    /// </summary>
    public static string RealisticSkillsDevFile => DevSetFile("realistic-skills-fr-dev.tsv");

    /// <summary>
    /// Path of a second set of realistic French skill phrases, written after the first round of skill-linker work and
    /// before any linker ran on it; a check set (read to check that round, not for tuning).
    /// </summary>
    public static string RealisticSkillsCheckFile => DevSetFile("realistic-skills-fr-check.tsv");

    /// <summary>
    /// Path of the realistic Arabic set: job titles in Arabic script as candidates and advisers type them, with ESCO answers
    /// chosen by keyword search before the Arabic linker existed; a development set (tuning allowed).
    /// </summary>
    public static string RealisticOccupationsArabicDevFile => DevSetFile("realistic-occupations-ar-dev.tsv");

    /// <summary>
    /// Path of the Arabic-script test set (80 titles as Syrian, Yemeni and Moroccan job seekers type them), written by an
    /// outside writer who never saw the linker, sealed until the Arabic linker's first look. Never tune on it.
    /// </summary>
    public static string RealisticOccupationsArabicTestFile => DevSetFile("realistic-occupations-ar-test.tsv");

    /// <summary>The realistic Arabic occupation sets by their <c>--set</c> name (run with <c>--lang ar</c>).</summary>
    public static IReadOnlyList<(string Name, string File)> RealisticArabicSets => [("realistic-ar-dev", RealisticOccupationsArabicDevFile), ("realistic-ar-test", RealisticOccupationsArabicTestFile)];

    /// <summary>The realistic French skill sets by their <c>--set</c> name.</summary>
    public static IReadOnlyList<(string Name, string File)> RealisticSkillSets =>
        [("realistic-skills", RealisticSkillsDevFile), ("realistic-skills-check", RealisticSkillsCheckFile),
         ("realistic-skills-check2", RealisticSkillsCheck2File), ("realistic-skills-test", RealisticSkillsTestFile)];

    /// <summary>
    /// Path of a sealed skill set (80 phrases and CV sentences) written by an outside writer who never saw the linker,
    /// sealed until the end of the skill-vocabulary round of session 3. Never tune on it.
    /// </summary>
    public static string RealisticSkillsTestFile => DevSetFile("realistic-skills-fr-test.tsv");

    /// <summary>Path of a third set of realistic French skill phrases, written at the end of round 6 before any linker ran on it; a check set.</summary>
    public static string RealisticSkillsCheck2File => DevSetFile("realistic-skills-fr-check2.tsv");

    /// <summary>The realistic French sets by their <c>--set</c> name, in the order they are reported.</summary>
    public static IReadOnlyList<(string Name, string File)> RealisticSets =>
    [
        ("realistic", RealisticOccupationsFile), ("realistic-dev2", RealisticOccupationsDev2File),
        ("realistic-dev3", RealisticOccupationsDev3File), ("realistic-dev4", RealisticOccupationsDev4File),
        ("realistic-test", RealisticOccupationsTestFile), ("realistic-test2", RealisticOccupationsTest2File),
        ("realistic-test3", RealisticOccupationsTest3File), ("realistic-test4", RealisticOccupationsTest4File),
        ("realistic-test5", RealisticOccupationsTest5File), ("realistic-test6", RealisticOccupationsTest6File),
        ("realistic-test7", RealisticOccupationsTest7File), ("realistic-test8", RealisticOccupationsTest8File),
        ("realistic-test9", RealisticOccupationsTest9File), ("realistic-test10", RealisticOccupationsTest10File),
        ("realistic-test11", RealisticOccupationsTest11File), ("realistic-test12", RealisticOccupationsTest12File),
        ("realistic-test13", RealisticOccupationsTest13File), ("realistic-test14", RealisticOccupationsTest14File),
        ("realistic-test15", RealisticOccupationsTest15File), ("realistic-test16", RealisticOccupationsTest16File),
        ("realistic-test17", RealisticOccupationsTest17File), ("realistic-test18", RealisticOccupationsTest18File),
    ];

    /// <summary>
    /// Whether the <c>--set</c> value <paramref name="set"/> selects <paramref name="name"/>: "all", the name itself, or a
    /// comma-separated list naming it.
    /// </summary>
    public static bool Includes(string set, string name) =>
        set == "all" || set.Split(',', StringSplitOptions.TrimEntries).Contains(name, StringComparer.Ordinal);

    /// <summary>Reads the realistic set: query, comma-separated accepted UUIDs, note; '#' lines are comments.</summary>
    public static List<DevQuery> ReadRealisticOccupations(string? path = null) => ReadRealistic(path ?? RealisticOccupationsFile, OccupationPrefix);

    /// <summary>Reads a realistic skill set: phrase, comma-separated accepted skill UUIDs, note; '#' lines are comments.</summary>
    public static List<DevQuery> ReadRealisticSkills(string? path = null) => ReadRealistic(path ?? RealisticSkillsDevFile, SkillPrefix);

    private static List<DevQuery> ReadRealistic(string path, string prefix)
    {
        var result = new List<DevQuery>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            var accepted = parts[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(u => prefix + u).ToHashSet(StringComparer.Ordinal);
            result.Add(new DevQuery(parts[0], accepted));
        }
        return result;
    }

    /// <summary>
    /// Chooses held-out alternative labels in <paramref name="lang"/>: for about one concept in
    /// <paramref name="oneIn"/> (by a stable hash of its URI) one alternative label whose normalised words differ
    /// from the concept's preferred label. Returns the queries and the set of (uri, label) pairs to leave out.
    /// </summary>
    internal static (List<DevQuery> Queries, HashSet<(string Uri, string Label)> Excluded) HoldOut(
        IEnumerable<(string Uri, string? PrefFr, IReadOnlyList<string> AltFr, string PrefEn, IReadOnlyList<string> AltEn)> concepts,
        string lang, int oneIn)
    {
        var queries = new List<DevQuery>();
        var excluded = new HashSet<(string, string)>();
        foreach (var c in concepts)
        {
            var hash = StableHash(c.Uri);
            if (hash % (uint)oneIn != 0) continue;
            var pref = lang == "fr" ? c.PrefFr : c.PrefEn;
            var alts = lang == "fr" ? c.AltFr : c.AltEn;
            if (pref is null || alts.Count == 0) continue;
            var prefKey = Key(pref);
            var candidates = alts.Where(a => Key(a) != prefKey).ToList();
            if (candidates.Count == 0) continue;
            var chosen = candidates[(int)(hash / (uint)oneIn % (uint)candidates.Count)];
            var chosenKey = Key(chosen);
            // Leave out every label of the concept (either language) that normalises to the same words.
            foreach (var label in c.AltFr.Concat(c.AltEn))
                if (Key(label) == chosenKey) excluded.Add((c.Uri, label));
            queries.Add(new DevQuery(chosen, new HashSet<string>(StringComparer.Ordinal) { c.Uri }));
        }
        return (queries, excluded);
    }

    /// <summary>One occupation in this many has an alternative label held out by the evaluation.</summary>
    internal const int OccupationHoldOutOneIn = 4;

    internal static string Key(string label) => string.Join(' ', TitleNormalizer.Tokens(label).Order(StringComparer.Ordinal));

    internal static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s) { h ^= ch; h *= 16777619u; }
        return h;
    }

    /// <summary>Runs the chosen evaluations; <paramref name="log"/> receives progress lines.</summary>
    /// <remarks>When <paramref name="reranker"/> is given, occupation sets are also scored as "linker+rerank".</remarks>
    public static List<LinkingScores> Run(EscoTaxonomy taxonomy, string set, string kind, string lang, TextWriter log,
        List<LinkingMiss>? misses = null, LinkerReranker? reranker = null)
    {
        var results = new List<LinkingScores>();
        var occupations = taxonomy.Occupations.Select(o => (o.Uri, o.LabelFr, (IReadOnlyList<string>)o.AltLabelsFr, o.LabelEn, (IReadOnlyList<string>)o.AltLabelsEn)).ToList();
        var skills = taxonomy.Skills.Select(s => (s.Uri, s.LabelFr, (IReadOnlyList<string>)s.AltLabelsFr, s.LabelEn, (IReadOnlyList<string>)s.AltLabelsEn)).ToList();

        foreach (var (name, file) in RealisticSets)
        {
            if (kind is not ("occupations" or "all") || !Includes(set, name) || lang != "fr") continue;
            var concepts = OccupationLinker.ConceptsOf(taxonomy.Occupations, null);
            results.AddRange(Score(name, "occupations", lang, ReadRealisticOccupations(file), concepts, log, misses, reranker));
        }
        // Arabic: the linker and the baseline index the same labels, the gendered halves of ESCO's Arabic preferred labels.
        foreach (var (name, file) in RealisticArabicSets)
        {
            if (kind is not ("occupations" or "all") || !Includes(set, name) || lang != LinkingLanguages.Arabic) continue;
            var concepts = ArabicOccupationIndex.ConceptsOf(taxonomy.Occupations);
            results.AddRange(Score(name, "occupations", lang, ReadRealisticOccupations(file), concepts, log, misses, null));
        }
        // ESCO has no Arabic alternative labels to hold out, nor Arabic skill labels.
        if (lang == LinkingLanguages.Arabic) return results;
        if (kind is "occupations" or "all" && Includes(set, "heldout"))
        {
            var (queries, excluded) = HoldOut(occupations, lang, OccupationHoldOutOneIn);
            var concepts = OccupationLinker.ConceptsOf(taxonomy.Occupations, (u, l) => !excluded.Contains((u, l)));
            results.AddRange(Score("heldout", "occupations", lang, queries, concepts, log, misses, reranker));
        }
        foreach (var (name, file) in RealisticSkillSets)
        {
            if (kind is not ("skills" or "all") || !Includes(set, name) || lang != "fr") continue;
            results.AddRange(Score(name, "skills", lang, ReadRealisticSkills(file), SkillLinker.ConceptsOf(taxonomy, null), log, misses, null));
        }
        if (kind is "skills" or "all" && Includes(set, "heldout"))
        {
            var (queries, excluded) = HoldOut(skills, lang, 8);
            var concepts = SkillLinker.ConceptsOf(taxonomy, (u, l) => !excluded.Contains((u, l)));
            results.AddRange(Score("heldout", "skills", lang, queries, concepts, log, misses, null));
        }
        return results;
    }

    private static IEnumerable<LinkingScores> Score(string set, string kind, string lang, List<DevQuery> queries,
        List<IndexedConcept> concepts, TextWriter log, List<LinkingMiss>? misses, LinkerReranker? reranker)
    {
        var watch = Stopwatch.StartNew();
        var linker = lang == LinkingLanguages.Arabic ? ArabicOccupationIndex.BuildIndex(concepts)
            : kind == "occupations" ? new LabelIndex(concepts, vocabulary: JobVocabulary.Shared) : SkillLinker.BuildIndex(concepts);
        var baseline = new CharNgramTfidfBaseline(concepts);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set} {kind} {lang}: {queries.Count} queries, {linker.LabelCount} labels indexed in {watch.Elapsed.TotalSeconds:F2} s"));
        var uris = concepts.Select(c => c.Uri).ToArray();
        yield return Measure(set, kind, lang, "linker", queries, q => linker.Search(q, lang, 100), uris, reranker is null ? misses : null, concepts);
        if (reranker is not null)
            yield return Measure(set, kind, lang, "linker+rerank", queries, q => LinkerConcepts.Reranked(linker, reranker, q, lang, 100), uris, misses, concepts);
        yield return Measure(set, kind, lang, "tfidf-char3-5", queries, q => baseline.Search(q, 100), uris, null, concepts);
    }

    private static LinkingScores Measure(string set, string kind, string lang, string method, List<DevQuery> queries,
        Func<string, List<(int Concept, float Score)>> search, string[] uris, List<LinkingMiss>? misses, List<IndexedConcept> concepts)
    {
        double acc = 0, mrr = 0, recall = 0;
        var watch = Stopwatch.StartNew();
        foreach (var q in queries)
        {
            var hits = search(q.Text);
            var rank = 0;
            for (var i = 0; i < hits.Count; i++)
                if (q.Accepted.Contains(uris[hits[i].Concept])) { rank = i + 1; break; }
            if (rank == 1) acc++;
            if (rank > 0) mrr += 1.0 / rank;
            if (rank is > 0 and <= 10) recall++;
            if (misses is not null && rank != 1)
            {
                var expected = concepts.First(c => q.Accepted.Contains(c.Uri));
                var got = hits.Count > 0 ? concepts[hits[0].Concept].DisplayFr : "-";
                misses.Add(new LinkingMiss(set + "/" + kind, q.Text, rank, expected.DisplayFr, got));
            }
        }
        var n = Math.Max(1, queries.Count);
        return new LinkingScores(set, kind, lang, method, queries.Count, acc / n, mrr / n, recall / n, queries.Count / watch.Elapsed.TotalSeconds);
    }
}
