using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

/// <summary>The shipped ESCO graph, loaded once for all engine tests.</summary>
internal static class Esco
{
    private static readonly Lazy<TaxonomyGraph> Lazy = new(() => TaxonomyGraph.Default);
    public static TaxonomyGraph Graph => Lazy.Value;

    public static int Occupation(string labelEn) => Enumerable.Range(0, Graph.OccupationCount).First(i => Graph.OccupationLabelsEn[i] == labelEn);
    public static int Skill(string labelEn) => Enumerable.Range(0, Graph.SkillCount).First(i => Graph.SkillLabelsEn[i] == labelEn);
}
