using Matching.Core.Reference;

namespace Matching.Core.Engine.Interchange;

/// <summary>A concept proposed for a text, with a confidence from 0 to 1.</summary>
public sealed record ConceptMatch(string Uri, double Confidence);

/// <summary>
/// Links free text (a job title, a skill) to ESCO concepts. The engine codes against this interface so the
/// product's linker (issue #3) can be plugged in; <see cref="LabelConceptLinker"/> is the built-in fallback.
/// </summary>
public interface IConceptLinker
{
    IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3);
    IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3);
}

/// <summary>
/// A small label-matching linker: exact match on a folded English or French label (preferred or alternative)
/// scores 1; otherwise labels sharing words are scored by IDF-weighted word overlap (cosine on word sets).
/// Immutable and thread-safe.
/// </summary>
public sealed class LabelConceptLinker : IConceptLinker
{
    private static readonly Lazy<LabelConceptLinker> Shared = new(() => new LabelConceptLinker(EscoTaxonomyCache.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The linker over the shipped ESCO labels, built once per process.</summary>
    public static LabelConceptLinker Default => Shared.Value;

    private readonly LabelSet _occupations;
    private readonly LabelSet _skills;

    public LabelConceptLinker(EscoTaxonomy esco)
    {
        _occupations = new LabelSet(esco.Occupations.Select(o => (o.Uri, new[] { o.LabelEn, o.LabelFr ?? "" }.Concat(o.AltLabelsEn).Concat(o.AltLabelsFr))));
        _skills = new LabelSet(esco.Skills.Select(s => (s.Uri, new[] { s.LabelEn, s.LabelFr ?? "" }.Concat(s.AltLabelsEn).Concat(s.AltLabelsFr))));
    }

    public IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3) => _occupations.Link(text, max);

    public IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3) => _skills.Link(text, max);

    private sealed class LabelSet
    {
        private readonly List<string> _uris = [];
        private readonly List<(int Concept, string[] Tokens, float Norm)> _labels = [];
        private readonly Dictionary<string, List<int>> _exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _byToken = new(StringComparer.Ordinal);
        private readonly Dictionary<string, float> _idf = new(StringComparer.Ordinal);

        public LabelSet(IEnumerable<(string Uri, IEnumerable<string> Labels)> concepts)
        {
            foreach (var (uri, labels) in concepts)
            {
                var concept = _uris.Count;
                _uris.Add(uri);
                foreach (var label in labels.Where(l => l.Length > 0).Distinct())
                {
                    var tokens = TextTokens.Tokenize(label).Distinct().ToArray();
                    if (tokens.Length == 0) continue;
                    var key = string.Join(' ', tokens);
                    if (!_exact.TryGetValue(key, out var same)) _exact[key] = same = [];
                    if (!same.Contains(concept)) same.Add(concept);
                    var id = _labels.Count;
                    _labels.Add((concept, tokens, 0));
                    foreach (var t in tokens)
                    {
                        if (!_byToken.TryGetValue(t, out var list)) _byToken[t] = list = [];
                        list.Add(id);
                    }
                }
            }
            foreach (var (token, list) in _byToken) _idf[token] = (float)Math.Log(1 + (double)_labels.Count / list.Count);
            for (var i = 0; i < _labels.Count; i++)
                _labels[i] = _labels[i] with { Norm = _labels[i].Tokens.Sum(t => _idf[t]) };
        }

        public List<ConceptMatch> Link(string text, int max)
        {
            var tokens = TextTokens.Tokenize(text).Distinct().ToArray();
            if (tokens.Length == 0) return [];
            if (_exact.TryGetValue(string.Join(' ', tokens), out var exact))
                return exact.Take(max).Select(c => new ConceptMatch(_uris[c], 1.0)).ToList();
            var queryNorm = tokens.Sum(t => _idf.GetValueOrDefault(t, (float)Math.Log(1 + _labels.Count)));
            var shared = new Dictionary<int, float>();
            foreach (var t in tokens)
                if (_byToken.TryGetValue(t, out var labels))
                    foreach (var l in labels) shared[l] = shared.GetValueOrDefault(l) + _idf[t];
            var best = new Dictionary<int, double>();
            foreach (var (label, overlap) in shared)
            {
                var (concept, _, norm) = _labels[label];
                // Dice-like overlap, in [0, 1): 0.95 at most so an exact label always wins.
                var score = 0.95 * 2 * overlap / (queryNorm + norm);
                if (score > best.GetValueOrDefault(concept)) best[concept] = score;
            }
            return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(max).Select(p => new ConceptMatch(_uris[p.Key], Math.Round(p.Value, 3))).ToList();
        }
    }
}

/// <summary>The shipped ESCO taxonomy read once per process, shared by the graph and the label linker.</summary>
public static class EscoTaxonomyCache
{
    private static readonly Lazy<EscoTaxonomy> Lazy = new(EscoTaxonomy.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    public static EscoTaxonomy Value => Lazy.Value;
}
