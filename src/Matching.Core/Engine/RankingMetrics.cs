namespace Matching.Core.Engine;

/// <summary>Ranking quality measures over graded relevance (0 = not relevant … 4).</summary>
public static class RankingMetrics
{
    /// <summary>
    /// NDCG@k with gain 2^grade − 1 and log2 discount. <paramref name="rankedGrades"/> are the grades of the ranked
    /// items in order; <paramref name="allGrades"/> every known grade of the query (for the ideal ordering).
    /// Returns null when the query has no relevant item (it then says nothing about the ranker).
    /// </summary>
    public static double? Ndcg(IReadOnlyList<int> rankedGrades, IEnumerable<int> allGrades, int k)
    {
        var ideal = Dcg(allGrades.OrderDescending().Take(k).ToList(), k);
        return ideal <= 0 ? null : Dcg(rankedGrades, k) / ideal;
    }

    /// <summary>Share of the relevant items (grade ≥ <paramref name="minimumGrade"/>) found in the first k; null when none is relevant.</summary>
    public static double? Recall(IReadOnlyList<int> rankedGrades, IEnumerable<int> allGrades, int k, int minimumGrade = 1)
    {
        var relevant = allGrades.Count(g => g >= minimumGrade);
        return relevant == 0 ? null : (double)rankedGrades.Take(k).Count(g => g >= minimumGrade) / relevant;
    }

    private static double Dcg(IReadOnlyList<int> grades, int k)
    {
        double sum = 0;
        for (var i = 0; i < Math.Min(k, grades.Count); i++) sum += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        return sum;
    }

    /// <summary>Mean NDCG@k of re-ranking each query's graded items by score (the classic offline learning-to-rank check).</summary>
    public static double MeanRerankNdcg(IEnumerable<IReadOnlyList<(float Score, int Grade)>> queries, int k)
    {
        var values = new List<double>();
        foreach (var items in queries)
        {
            var ranked = items.OrderByDescending(i => i.Score).Select(i => i.Grade).ToList();
            if (Ndcg(ranked, items.Select(i => i.Grade), k) is { } v) values.Add(v);
        }
        return values.Count == 0 ? 0 : values.Average();
    }
}
