namespace Matching.Core.Linking;

/// <summary>
/// One-word substitutions learned from the indexed labels themselves: when two labels of one concept, in one language,
/// differ by a single word ("opérateur de saisie" / "agent de saisie"), the two words are interchangeable in job titles.
/// A pair must be seen in at least <see cref="MinConcepts"/> concepts; its similarity grows with that count.
/// </summary>
internal static class LabelSynonyms
{
    public const int MinConcepts = 2;
    private const int MaxPerWord = 8;

    public static Dictionary<string, (string Token, float Sim)[]> Learn(IReadOnlyList<IndexedConcept> concepts) =>
        Learn(concepts.Select(c => (IReadOnlyList<(string Lang, List<string> Tokens)>)
            c.Labels.Select(l => (l.Lang, TitleNormalizer.Tokens(l.Text))).ToList()).ToList());

    /// <summary>Learns from labels already normalised (one list of (language, tokens) per concept), so the index tokenises once.</summary>
    public static Dictionary<string, (string Token, float Sim)[]> Learn(IReadOnlyList<IReadOnlyList<(string Lang, List<string> Tokens)>> conceptLabels)
    {
        var counts = new Dictionary<(string, string), int>();
        var seen = new HashSet<(string, string)>();
        var byLanguage = new Dictionary<string, List<List<string>>>(StringComparer.Ordinal);
        foreach (var labelsOfConcept in conceptLabels)
        {
            seen.Clear();
            byLanguage.Clear();
            foreach (var (lang, tokens) in labelsOfConcept)
            {
                if (!byLanguage.TryGetValue(lang, out var list)) byLanguage[lang] = list = [];
                list.Add(tokens);
            }
            foreach (var labels in byLanguage.Values)
                for (var i = 0; i < labels.Count; i++)
                    for (var j = 0; j < labels.Count; j++)
                        if (i != j && OneWordApart(labels[i], labels[j]) is { } pair && seen.Add(pair))
                            counts[pair] = counts.GetValueOrDefault(pair) + 1;
        }
        return counts.Where(kv => kv.Value >= MinConcepts)
            .GroupBy(kv => kv.Key.Item1, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Item2, StringComparer.Ordinal)
                .Take(MaxPerWord).Select(kv => (kv.Key.Item2, Math.Min(0.8f, 0.5f + 0.05f * kv.Value))).ToArray(), StringComparer.Ordinal);
    }

    private static (string, string)? OneWordApart(List<string> a, List<string> b)
    {
        if (a.Count != b.Count) return null;
        var at = -1;
        for (var k = 0; k < a.Count; k++)
        {
            if (a[k] == b[k]) continue;
            if (at >= 0) return null;
            at = k;
        }
        if (at < 0) return null;
        var (x, y) = (a[at], b[at]);
        // Spelling variants of one word (cheff/chef) are the typo expansion's business, not synonyms.
        if (x.Length >= 4 && y.Length >= 4 && x[..4] == y[..4]) return null;
        return (x, y);
    }
}
