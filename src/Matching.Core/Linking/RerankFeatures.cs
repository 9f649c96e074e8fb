namespace Matching.Core.Linking;

/// <summary>
/// The features the learned re-ranker sees for one (query, candidate concept) pair, in a fixed order. The order is part
/// of the saved model: append new features at the end and retrain.
/// </summary>
internal static class RerankFeatures
{
    /// <summary>Feature names in column order (recorded in the model file and checked at load).</summary>
    public static readonly string[] Names =
    [
        "score", "lexical_score", "query_coverage", "label_coverage", "head_match", "preferred_label", "same_language",
        "ngram_cosine", "rank", "gap_to_first", "labels", "label_tokens", "query_tokens", "full_query_labels",
        "full_label_labels", "touched_labels", "code_depth", "isco_major", "edit_ratio", "group_max_score", "group_score_sum",
        "group_candidates", "rank_in_group", "preferred_query_coverage", "preferred_label_coverage",
        "narrower_log2",
    ];

    public static int Count => Names.Length;

    /// <summary>Feature values of one candidate; see <see cref="Names"/>.</summary>
    public struct Values
    {
        public float Score, LexicalScore, QueryCoverage, LabelCoverage, Head, Preferred, SameLanguage, NgramCosine, Rank, GapToFirst,
            Labels, LabelTokens, QueryTokens, FullQueryLabels, FullLabelLabels, TouchedLabels, CodeDepth, IscoMajor, EditRatio,
            GroupMax, GroupSum, GroupCount, RankInGroup, PreferredQueryCoverage, PreferredLabelCoverage, Narrower;
    }

    public static void Write(List<float> row, in Values v)
    {
        row.Add(v.Score); row.Add(v.LexicalScore); row.Add(v.QueryCoverage); row.Add(v.LabelCoverage); row.Add(v.Head);
        row.Add(v.Preferred); row.Add(v.SameLanguage); row.Add(v.NgramCosine); row.Add(v.Rank); row.Add(v.GapToFirst);
        row.Add(v.Labels); row.Add(v.LabelTokens); row.Add(v.QueryTokens); row.Add(v.FullQueryLabels); row.Add(v.FullLabelLabels);
        row.Add(v.TouchedLabels); row.Add(v.CodeDepth); row.Add(v.IscoMajor); row.Add(v.EditRatio);
        row.Add(v.GroupMax); row.Add(v.GroupSum); row.Add(v.GroupCount); row.Add(v.RankInGroup);
        row.Add(v.PreferredQueryCoverage); row.Add(v.PreferredLabelCoverage); row.Add(v.Narrower);
    }
}
