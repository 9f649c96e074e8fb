namespace Matching.Core.Linking;

/// <summary>
/// English words of French job titles ("technicien process", "support IT", "sales manager") read in French: word
/// translations learned from the taxonomy itself, by aligning each concept's English preferred label with its French one
/// (Dice coefficient of co-occurrence over all concepts). Only English words that French labels rarely use are
/// translated, so a word both languages share ("service", "assistant") keeps its French meaning.
/// </summary>
internal static class LabelTranslations
{
    /// <summary>A pair must be seen in this many concepts.</summary>
    public const int MinConcepts = 3;
    /// <summary>Least Dice coefficient of a kept pair.</summary>
    public const float MinDice = 0.4f;
    private const int MaxPerWord = 2;

    /// <summary>
    /// English token → French tokens with a similarity, learned from the preferred labels of each concept
    /// (<paramref name="conceptLabels"/>: per concept, its labels as (language, preferred, tokens)).
    /// </summary>
    public static Dictionary<string, (string Token, float Sim)[]> Learn(IReadOnlyList<IReadOnlyList<(string Lang, bool Preferred, List<string> Tokens)>> conceptLabels)
    {
        var english = new Dictionary<string, int>(StringComparer.Ordinal);
        var french = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<(string En, string Fr), int>();
        var frenchLabelUse = new Dictionary<string, int>(StringComparer.Ordinal);
        var englishLabelUse = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var labels in conceptLabels)
        {
            HashSet<string>? en = null, fr = null;
            foreach (var (lang, preferred, tokens) in labels)
            {
                var use = lang == "fr" ? frenchLabelUse : englishLabelUse;
                foreach (var t in tokens) use[t] = use.GetValueOrDefault(t) + 1;
                if (!preferred) continue;
                if (lang == "en") en = [.. tokens];
                else if (lang == "fr") fr = [.. tokens];
            }
            if (en is null || fr is null) continue;
            foreach (var e in en) english[e] = english.GetValueOrDefault(e) + 1;
            foreach (var f in fr) french[f] = french.GetValueOrDefault(f) + 1;
            foreach (var e in en)
                foreach (var f in fr)
                    if (e != f) pairs[(e, f)] = pairs.GetValueOrDefault((e, f)) + 1;
        }
        return pairs
            .Where(kv => kv.Value >= MinConcepts
                && frenchLabelUse.GetValueOrDefault(kv.Key.En) * 3 < englishLabelUse.GetValueOrDefault(kv.Key.En))
            .Select(kv => (kv.Key.En, kv.Key.Fr, Dice: 2f * kv.Value / (english[kv.Key.En] + french[kv.Key.Fr])))
            .Where(p => p.Dice >= MinDice)
            .GroupBy(p => p.En, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Dice).ThenBy(p => p.Fr, StringComparer.Ordinal).Take(MaxPerWord)
                .Select(p => (p.Fr, Math.Min(0.8f, 0.5f + 0.5f * p.Dice))).ToArray(), StringComparer.Ordinal);
    }
}
