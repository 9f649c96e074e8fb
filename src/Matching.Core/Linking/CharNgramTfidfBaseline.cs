using System.Globalization;
using System.Text;

namespace Matching.Core.Linking;

/// <summary>
/// The reference baseline of the evaluation: TF-IDF vectors of character 3- to 5-grams over each label (lower case,
/// accents removed, punctuation as spaces), cosine similarity, a concept scored by its best label.
/// Deliberately plain: it knows nothing of French morphology, abbreviations or gendered writing.
/// </summary>
internal sealed class CharNgramTfidfBaseline
{
    private readonly Dictionary<string, int> _gramIds = new(StringComparer.Ordinal);
    private readonly float[] _idf;
    private readonly int[] _postingStart, _postingLabel;
    private readonly float[] _postingWeight;
    private readonly int[] _labelConcept;
    public IReadOnlyList<IndexedConcept> Concepts { get; }

    public CharNgramTfidfBaseline(IReadOnlyList<IndexedConcept> concepts)
    {
        Concepts = concepts;
        var labelVectors = new List<Dictionary<int, float>>();
        var labelConcept = new List<int>();
        var df = new List<int>();
        for (var c = 0; c < concepts.Count; c++)
            foreach (var label in concepts[c].Labels)
            {
                var counts = new Dictionary<int, float>();
                foreach (var g in Grams(Normalize(label.Text)))
                {
                    if (!_gramIds.TryGetValue(g, out var id)) { id = df.Count; _gramIds[g] = id; df.Add(0); }
                    if (!counts.TryGetValue(id, out var n)) df[id]++;
                    counts[id] = n + 1;
                }
                if (counts.Count == 0) continue;
                labelVectors.Add(counts);
                labelConcept.Add(c);
            }
        var labels = labelVectors.Count;
        _idf = df.Select(d => (float)(Math.Log((1.0 + labels) / (1.0 + d)) + 1.0)).ToArray();
        _labelConcept = [.. labelConcept];

        var postingCount = new int[_idf.Length + 1];
        foreach (var v in labelVectors) foreach (var id in v.Keys) postingCount[id + 1]++;
        for (var i = 0; i < _idf.Length; i++) postingCount[i + 1] += postingCount[i];
        _postingStart = postingCount;
        _postingLabel = new int[postingCount[^1]];
        _postingWeight = new float[postingCount[^1]];
        var fill = (int[])postingCount.Clone();
        for (var l = 0; l < labels; l++)
        {
            var v = labelVectors[l];
            double norm = 0;
            foreach (var (id, tf) in v) { var x = tf * _idf[id]; norm += x * x; }
            var inv = (float)(1.0 / Math.Sqrt(norm));
            foreach (var (id, tf) in v)
            {
                var p = fill[id]++;
                _postingLabel[p] = l;
                _postingWeight[p] = tf * _idf[id] * inv;
            }
        }
    }

    /// <summary>Best <paramref name="top"/> concepts by cosine similarity, best first.</summary>
    public List<(int Concept, float Score)> Search(string text, int top)
    {
        var query = new Dictionary<int, float>();
        double norm = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in Grams(Normalize(text))) counts[g] = counts.GetValueOrDefault(g) + 1;
        foreach (var (g, tf) in counts)
        {
            // n-grams never seen in a label still count in the query's norm, at the highest IDF.
            var known = _gramIds.TryGetValue(g, out var id);
            var x = tf * (known ? _idf[id] : (float)Math.Log(1.0 + _labelConcept.Length) + 1f);
            norm += x * x;
            if (known) query[id] = x;
        }
        var result = new List<(int, float)>();
        if (query.Count == 0) return result;
        var inv = (float)(1.0 / Math.Sqrt(norm));
        var labelScore = new Dictionary<int, float>();
        foreach (var (id, x) in query)
            for (var p = _postingStart[id]; p < _postingStart[id + 1]; p++)
                labelScore[_postingLabel[p]] = labelScore.GetValueOrDefault(_postingLabel[p]) + x * inv * _postingWeight[p];
        var conceptScore = new Dictionary<int, float>();
        foreach (var (l, s) in labelScore)
        {
            var c = _labelConcept[l];
            if (s > conceptScore.GetValueOrDefault(c)) conceptScore[c] = s;
        }
        result.AddRange(conceptScore.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(top).Select(kv => (kv.Key, kv.Value)));
        return result;
    }

    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(' ');
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var ch = char.IsLetterOrDigit(c) ? c : ' ';
            if (ch == ' ' && sb[^1] == ' ') continue;
            sb.Append(ch);
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    private static IEnumerable<string> Grams(string padded)
    {
        for (var n = 3; n <= 5; n++)
            for (var i = 0; i + n <= padded.Length; i++)
                yield return padded.Substring(i, n);
    }
}
