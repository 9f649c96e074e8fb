using System.Globalization;
using System.Text;

namespace Matching.Core.Engine;

/// <summary>Folding and tokenising of short texts (job titles, place names) in French and English.</summary>
public static class TextTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "or", "by", "from", "as",
        "de", "du", "des", "la", "le", "les", "et", "en", "un", "une", "au", "aux", "pour", "sur", "avec", "ou", "d", "l",
        "h", "f", "m", "hf", "fh", "mf", "senior", "junior", "sr", "jr", "ii", "iii",
    };

    /// <summary>Lower-cases and strips diacritics ("Médecin" → "medecin").</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) sb.Append(c);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folded word tokens without stop words, with a light plural stemming ("drivers" → "driver").</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return tokens;
        var folded = Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWord && start < 0) start = i;
            else if (!isWord && start >= 0)
            {
                var token = Stem(folded[start..i]);
                if (token.Length > 1 && !StopWords.Contains(token)) tokens.Add(token);
                start = -1;
            }
        }
        return tokens;
    }

    private static string Stem(string token) =>
        token.Length > 3 && token[^1] == 's' && token[^2] != 's' ? token[..^1] : token;
}

/// <summary>
/// Token ids and inverse document frequencies learned from one side's titles, so both sides of a pair can be
/// turned into comparable L2-normalised TF-IDF vectors. Immutable after construction.
/// </summary>
public sealed class TitleVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly float[] _idf;

    public TitleVocabulary(IEnumerable<IEnumerable<string>> documents)
    {
        var df = new List<int>();
        var n = 0;
        foreach (var doc in documents)
        {
            n++;
            foreach (var token in doc.SelectMany(TextTokens.Tokenize).Distinct(StringComparer.Ordinal))
            {
                if (!_ids.TryGetValue(token, out var id)) { id = _ids.Count; _ids[token] = id; df.Add(0); }
                df[id]++;
            }
        }
        _idf = df.Select(d => (float)Math.Log(1 + (n + 1.0) / d)).ToArray();
    }

    public int Count => _ids.Count;

    /// <summary>Normalised sparse TF-IDF vector (ids ascending) of texts; tokens the vocabulary never saw are dropped.</summary>
    public SparseVector Vector(IEnumerable<string> texts)
    {
        var weights = new SortedDictionary<int, float>();
        foreach (var token in texts.SelectMany(TextTokens.Tokenize))
            if (_ids.TryGetValue(token, out var id))
                weights[id] = weights.GetValueOrDefault(id) + _idf[id];
        return SparseVector.Normalised(weights);
    }
}

/// <summary>A sparse vector with ascending ids.</summary>
public readonly record struct SparseVector(int[] Ids, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public static SparseVector Normalised(SortedDictionary<int, float> weights)
    {
        if (weights.Count == 0) return Empty;
        var norm = (float)Math.Sqrt(weights.Values.Sum(v => (double)v * v));
        return new SparseVector(weights.Keys.ToArray(), weights.Values.Select(v => v / norm).ToArray());
    }

    /// <summary>Dot product by merging the two id lists.</summary>
    public float Dot(SparseVector other)
    {
        float sum = 0;
        int i = 0, j = 0;
        var a = Ids; var b = other.Ids;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) sum += Values[i++] * other.Values[j++];
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return sum;
    }
}
