namespace Matching.Core.Engine;

/// <summary>
/// The baseline the engine must beat on titles-only data: Okapi BM25 of a vacancy title against each candidate's
/// titles, plus a bonus for living in the same place. Brute force; for evaluation only.
/// </summary>
public static class TitleBm25Baseline
{
    /// <summary>For each vacancy, the ids of the top candidates, best first.</summary>
    public static List<List<string>> RankCandidates(IReadOnlyList<CandidateProfile> candidates, IReadOnlyList<VacancyProfile> vacancies, int top, double k1 = 1.2, double b = 0.75)
    {
        var docs = candidates.Select(c => c.Titles.SelectMany(TextTokens.Tokenize).ToList()).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in docs) foreach (var t in d.Distinct()) df[t] = df.GetValueOrDefault(t) + 1;
        var averageLength = Math.Max(1, docs.Average(d => (double)d.Count));
        var tf = docs.Select(d => d.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)).ToList();
        var result = new List<List<string>>();
        foreach (var v in vacancies)
        {
            var query = TextTokens.Tokenize(v.Title).Distinct().ToList();
            var scores = new double[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                double s = 0;
                foreach (var q in query)
                {
                    if (!tf[i].TryGetValue(q, out var f)) continue;
                    var idf = Math.Log(1 + (candidates.Count - df[q] + 0.5) / (df[q] + 0.5));
                    s += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * docs[i].Count / averageLength));
                }
                scores[i] = s;
            }
            var max = Math.Max(1e-9, scores.Max());
            var vPlace = v.Location.Key;
            result.Add(Enumerable.Range(0, candidates.Count)
                .Select(i => (i, Score: scores[i] / max + (vPlace is not null && candidates[i].Location.Key == vPlace ? 0.3 : 0)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.i).Take(top).Select(p => candidates[p.i].Id).ToList());
        }
        return result;
    }
}
