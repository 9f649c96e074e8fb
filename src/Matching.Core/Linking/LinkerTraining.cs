using System.Globalization;
using System.Text;
using Matching.Core.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Matching.Core.Linking;

/// <summary>Figures of a re-ranker training run, for the model card.</summary>
public sealed record LinkerTrainingReport(int TrainQueries, int ValidationQueries, int Rows, int Trees, double ValidationMrrBefore,
    double ValidationMrrAfter, double MaxExportError, double Seconds);

/// <summary>
/// Trains the occupation re-ranker (LambdaMART, ML.NET LightGBM) on queries made from the taxonomy itself: one
/// alternative label per concept and language is held out of the index and asked for, clean and with synthetic noise
/// (accents dropped, typos, one side of a gendered pair), and noisy variants of labels that stay indexed. The labels the
/// evaluation holds out (<see cref="LinkingEvaluation"/>) are removed from the training index and never used as
/// queries; the realistic development set is never read.
/// </summary>
public static class LinkerTraining
{
    private const int Seed = 20240603;

    /// <summary>Trains on <paramref name="occupations"/>; progress goes to <paramref name="log"/>.</summary>
    public static (LinkerReranker Model, LinkerTrainingReport Report) TrainOccupations(IReadOnlyList<Occupation> occupations, TextWriter log)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tuples = occupations.Select(o => (o.Uri, o.LabelFr, (IReadOnlyList<string>)o.AltLabelsFr, o.LabelEn, (IReadOnlyList<string>)o.AltLabelsEn)).ToList();
        var evalExcluded = new HashSet<(string Uri, string Label)>();
        var evalKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lang in LinkingLanguages.All)
        {
            var (queries, excluded) = LinkingEvaluation.HoldOut(tuples, lang, LinkingEvaluation.OccupationHoldOutOneIn);
            evalExcluded.UnionWith(excluded);
            foreach (var q in queries) evalKeys.Add(LinkingEvaluation.Key(q.Text));
        }

        var rng = new Random(Seed);
        var trainExcluded = new HashSet<(string Uri, string Label)>();
        var queriesOut = new List<(string Text, string Lang, string Uri)>();
        foreach (var o in occupations)
        {
            foreach (var lang in LinkingLanguages.All)
            {
                var pref = lang == "fr" ? o.LabelFr : o.LabelEn;
                var alts = lang == "fr" ? o.AltLabelsFr : o.AltLabelsEn;
                if (pref is null) continue;
                var prefKey = LinkingEvaluation.Key(pref);
                var usable = alts.Where(a => !evalExcluded.Contains((o.Uri, a)) && !evalKeys.Contains(LinkingEvaluation.Key(a))
                    && LinkingEvaluation.Key(a) != prefKey).ToList();
                if (usable.Count > 0)
                {
                    var chosen = usable[rng.Next(usable.Count)];
                    var chosenKey = LinkingEvaluation.Key(chosen);
                    foreach (var label in o.AltLabelsFr.Concat(o.AltLabelsEn))
                        if (LinkingEvaluation.Key(label) == chosenKey) trainExcluded.Add((o.Uri, label));
                    queriesOut.Add((chosen, lang, o.Uri));
                    queriesOut.Add((QueryNoise.Apply(chosen, rng), lang, o.Uri));
                }
                // As many queries whose label stays indexed (as typed, and with noise): otherwise the model would learn that
                // a concept matching the query exactly is never the answer, which only holds for held-out labels.
                var kept = alts.Where(a => !evalExcluded.Contains((o.Uri, a)) && !evalKeys.Contains(LinkingEvaluation.Key(a))
                    && !trainExcluded.Contains((o.Uri, a))).Append(pref).ToList();
                if (evalKeys.Contains(prefKey)) kept.Remove(pref);
                if (kept.Count == 0) continue;
                queriesOut.Add((QueryNoise.OneGender(kept[rng.Next(kept.Count)], rng), lang, o.Uri));
                queriesOut.Add((QueryNoise.Apply(QueryNoise.OneGender(kept[rng.Next(kept.Count)], rng), rng), lang, o.Uri));
            }
        }

        var concepts = OccupationLinker.ConceptsOf(occupations, (u, l) => !evalExcluded.Contains((u, l)) && !trainExcluded.Contains((u, l)));
        // Generic forms: people write the broad title ("boulanger", "technicien de maintenance"), so broad occupations are
        // asked for by their preferred label and its first two words, otherwise the model learns to over-specialise.
        var generic = 0;
        foreach (var c in concepts.Where(c => c.Narrower > 0))
            foreach (var label in c.Labels.Where(l => l.Preferred))
            {
                var text = QueryNoise.OneGender(label.Text, rng);
                if (evalKeys.Contains(LinkingEvaluation.Key(text))) continue;
                queriesOut.Add((text, label.Lang, c.Uri));
                queriesOut.Add((QueryNoise.Apply(text, rng), label.Lang, c.Uri));
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 2)
                {
                    var head = string.Join(' ', words.Take(words[1].Length <= 3 ? 3 : 2));
                    queriesOut.Add((head, label.Lang, c.Uri));
                    queriesOut.Add((QueryNoise.StripAccents(head), label.Lang, c.Uri));
                }
                generic++;
            }
        var index = new LabelIndex(concepts, vocabulary: JobVocabulary.Shared);
        var conceptOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < concepts.Count; c++) conceptOf[concepts[c].Uri] = c;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train-linker: {queriesOut.Count} queries ({generic} generic), {index.LabelCount} labels indexed ({evalExcluded.Count} evaluation and {trainExcluded.Count} training labels left out)"));

        var train = new List<Row>();
        var validation = new List<Row>();
        var features = new List<float>();
        uint group = 0;
        foreach (var (text, lang, uri) in queriesOut)
        {
            var candidates = index.Candidates(text, lang, LinkerConcepts.RerankCandidates, features);
            var answer = conceptOf[uri];
            if (!candidates.Any(c => c.Concept == answer)) continue; // nothing to learn when retrieval missed it
            // One concept in ten is kept aside to check the re-ranker on concepts it never trained on.
            AddGroup(StableBucket(uri) == 0 ? validation : train, ++group, candidates, features, c => c == answer);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train-linker: {train.Count} training rows, {validation.Count} validation rows ({watch.Elapsed.TotalSeconds:F1} s)"));

        var ml = new MLContext(seed: Seed);
        var (model, fitted) = Fit(ml, train, iterations: 300, leaves: 31, learningRate: 0.08, minimumPerLeaf: 40);

        // The exported trees must score exactly as ML.NET does.
        var predicted = ml.Data.CreateEnumerable<Scored>(fitted.Transform(ml.Data.LoadFromEnumerable(validation.Take(5000))), reuseRowObject: false)
            .Select(p => (double)p.Score).ToList();
        var maxError = validation.Take(5000).Select((r, i) => Math.Abs(model.Score(r.Features) - predicted[i])).DefaultIfEmpty(0).Max();

        var (before, after, n) = ValidationMrr(validation, model);
        var report = new LinkerTrainingReport(queriesOut.Count - n, n, train.Count, model.TreeCount, before, after, maxError, watch.Elapsed.TotalSeconds);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train-linker: {model.TreeCount} trees; validation MRR {before:F3} → {after:F3} on {n} queries; export max error {maxError:G3}; {watch.Elapsed.TotalSeconds:F1} s"));
        return (model, report);
    }

    /// <summary>
    /// Trains the re-ranker on job titles as people write them (<paramref name="sets"/>: realistic sets with their accepted
    /// answers) over the unsupervised linker's top <see cref="LinkerConcepts.RerankCandidates"/>. Small trees and few of
    /// them: a few hundred titles teach the order of candidates, not the words.
    /// </summary>
    public static LinkerReranker TrainOnRealistic(IReadOnlyList<Occupation> occupations, IEnumerable<(string Name, List<DevQuery> Queries)> sets, TextWriter log)
    {
        var index = new LabelIndex(OccupationLinker.ConceptsOf(occupations, null), vocabulary: JobVocabulary.Shared);
        var rows = RealisticRows(index, sets.SelectMany(s => s.Queries));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train-linker: {rows.Select(r => r.GroupId).Distinct().Count()} realistic titles, {rows.Count} rows"));
        return FitRealistic(rows);
    }

    /// <summary>
    /// Leave-one-set-out check of <see cref="TrainOnRealistic"/>: for each set, a re-ranker trained on the others ranks
    /// it. Returns each set's MRR without and with that re-ranker (both over the same 100 candidates).
    /// </summary>
    public static List<(string Set, int Queries, double MrrBefore, double MrrAfter)> CrossValidateRealistic(IReadOnlyList<Occupation> occupations,
        IReadOnlyList<(string Name, List<DevQuery> Queries)> sets, TextWriter log)
    {
        var index = new LabelIndex(OccupationLinker.ConceptsOf(occupations, null), vocabulary: JobVocabulary.Shared);
        var uris = index.Concepts.Select(c => c.Uri).ToArray();
        var result = new List<(string, int, double, double)>();
        foreach (var (name, queries) in sets)
        {
            var model = FitRealistic(RealisticRows(index, sets.Where(s => s.Name != name).SelectMany(s => s.Queries)));
            double before = 0, after = 0;
            foreach (var q in queries)
            {
                before += ReciprocalRank(index.Search(q.Text, "fr", LinkerConcepts.RerankCandidates), q, uris);
                after += ReciprocalRank(LinkerConcepts.Reranked(index, model, q.Text, "fr", LinkerConcepts.RerankCandidates), q, uris);
            }
            var n = Math.Max(1, queries.Count);
            result.Add((name, queries.Count, before / n, after / n));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train-linker: {name} left out: MRR {before / n:F3} -> {after / n:F3}"));
        }
        return result;
    }

    private static double ReciprocalRank(List<(int Concept, float Score)> hits, DevQuery q, string[] uris)
    {
        for (var i = 0; i < hits.Count; i++)
            if (q.Accepted.Contains(uris[hits[i].Concept])) return 1.0 / (i + 1);
        return 0;
    }

    private static List<Row> RealisticRows(LabelIndex index, IEnumerable<DevQuery> queries)
    {
        var rows = new List<Row>();
        var features = new List<float>();
        uint group = 0;
        foreach (var q in queries)
        {
            var candidates = index.Candidates(q.Text, "fr", LinkerConcepts.RerankCandidates, features);
            bool IsAnswer(int concept) => q.Accepted.Contains(index.Concepts[concept].Uri);
            if (!candidates.Any(c => IsAnswer(c.Concept))) continue; // nothing to learn when retrieval missed it
            AddGroup(rows, ++group, candidates, features, IsAnswer);
        }
        return rows;
    }

    /// <summary>One query's candidates as rows of group <paramref name="group"/>, labelled 1 where <paramref name="isAnswer"/>.</summary>
    private static void AddGroup(List<Row> rows, uint group, List<(int Concept, float Score)> candidates, List<float> features, Func<int, bool> isAnswer)
    {
        for (var i = 0; i < candidates.Count; i++)
            rows.Add(new Row
            {
                Label = isAnswer(candidates[i].Concept) ? 1f : 0f, GroupId = group,
                Features = features.GetRange(i * RerankFeatures.Count, RerankFeatures.Count).ToArray(),
            });
    }

    // Few small trees: a few hundred titles. 300 trees of 16 leaves gave the same leave-one-set-out figures within ±0.01.
    private static LinkerReranker FitRealistic(List<Row> rows) =>
        Fit(new MLContext(seed: Seed), rows, iterations: 100, leaves: 8, learningRate: 0.05, minimumPerLeaf: 50).Model;

    /// <summary>LambdaMART (ML.NET LightGBM) on <paramref name="rows"/>, exported to a <see cref="LinkerReranker"/>.</summary>
    private static (LinkerReranker Model, ITransformer Fitted) Fit(MLContext ml, List<Row> rows, int iterations, int leaves, double learningRate, int minimumPerLeaf)
    {
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(Row.GroupId))
            .Append(ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(Row.Label), FeatureColumnName = nameof(Row.Features), RowGroupColumnName = nameof(Row.GroupId),
                NumberOfIterations = iterations, NumberOfLeaves = leaves, LearningRate = learningRate,
                MinimumExampleCountPerLeaf = minimumPerLeaf, NumberOfThreads = 2, Seed = Seed, Silent = true,
            }));
        var fitted = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
        var ensemble = fitted.LastTransformer.Model.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select((t, i) => new LinkerReranker.Tree(ensemble.TreeWeights[i],
            [.. t.LeftChild], [.. t.RightChild], [.. t.NumericalSplitFeatureIndexes], [.. t.NumericalSplitThresholds], [.. t.LeafValues])).ToArray();
        return (new LinkerReranker(trees, ensemble.Bias), fitted);
    }

    private static (double Before, double After, int Queries) ValidationMrr(List<Row> rows, LinkerReranker model)
    {
        double before = 0, after = 0;
        var n = 0;
        foreach (var g in rows.GroupBy(r => r.GroupId))
        {
            var list = g.ToList();
            n++;
            var answer = list.FindIndex(r => r.Label > 0);
            before += 1.0 / (answer + 1);
            var answerScore = model.Score(list[answer].Features);
            var better = list.Count(r => model.Score(r.Features) > answerScore);
            after += 1.0 / (better + 1);
        }
        return (before / Math.Max(1, n), after / Math.Max(1, n), n);
    }

    private static int StableBucket(string uri) => (int)((LinkingEvaluation.StableHash(uri) >> 8) % 10);

    /// <summary>Must equal <see cref="RerankFeatures.Count"/> (an attribute needs a constant; a test checks it).</summary>
    internal const int FeatureCount = 26;

    private sealed class Row
    {
        public float Label { get; set; }
        public uint GroupId { get; set; }
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}

/// <summary>Synthetic writing noise for training queries: accents dropped, one typo, one side of a gendered pair.</summary>
internal static class QueryNoise
{
    /// <summary>A noisy variant of <paramref name="text"/>: accents dropped, a typo, or both (never the text unchanged when it has a word of 5+ letters).</summary>
    public static string Apply(string text, Random rng)
    {
        var kind = rng.Next(3);
        var result = kind != 1 ? StripAccents(text) : text;
        if (kind != 0 || result == text) result = Typo(result, rng);
        return result;
    }

    /// <summary>"plombier/plombière" → either side; other text unchanged.</summary>
    public static string OneGender(string label, Random rng)
    {
        var parts = label.Split('/');
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? parts[rng.Next(2)] : label;
    }

    public static string StripAccents(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>One edit (swap, deletion, doubling or substitution) inside a word of at least five letters.</summary>
    public static string Typo(string text, Random rng)
    {
        var words = text.Split(' ');
        var long5 = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 5 && words[i].All(char.IsLetter)).ToList();
        if (long5.Count == 0) return text;
        var w = long5[rng.Next(long5.Count)];
        var original = words[w];
        // An edit can leave the word unchanged (swapping "nn", substituting the same letter): draw again.
        for (var attempt = 0; attempt < 20 && words[w] == original; attempt++)
        {
            var chars = original.ToList();
            var p = 1 + rng.Next(chars.Count - 2);
            switch (rng.Next(4))
            {
                case 0: (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]); break;
                case 1: chars.RemoveAt(p); break;
                case 2: chars.Insert(p, chars[p]); break;
                default: chars[p] = (char)('a' + rng.Next(26)); break;
            }
            words[w] = new string([.. chars]);
        }
        return string.Join(' ', words);
    }
}
