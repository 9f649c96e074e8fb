using System.Collections.Frozen;
using Matching.Core.Domain;
using Matching.Core.Reference;

namespace Matching.Core.Engine;

/// <summary>
/// The ESCO taxonomy as dense integer arrays for scoring: occupations and skills are numbered 0…n-1, so the engine
/// works on ints and arrays instead of URIs and EF entities. Immutable once built and safe to share between threads.
/// </summary>
public sealed class TaxonomyGraph
{
    private static readonly Lazy<TaxonomyGraph> Shared = new(() => FromTaxonomy(Interchange.EscoTaxonomyCache.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The graph of the shipped ESCO files, loaded once per process.</summary>
    public static TaxonomyGraph Default => Shared.Value;

    public required IReadOnlyList<string> OccupationUris { get; init; }
    public required IReadOnlyList<string> OccupationLabelsEn { get; init; }
    public required IReadOnlyList<string> OccupationLabelsFr { get; init; }
    /// <summary>ISCO-08 unit group of each occupation as a 4-digit number (e.g. 4222).</summary>
    public required int[] OccupationIsco { get; init; }
    /// <summary>Direct broader ESCO occupation of each occupation, or -1.</summary>
    public required int[] OccupationBroader { get; init; }
    public required int[][] EssentialSkills { get; init; }
    public required int[][] OptionalSkills { get; init; }

    public required IReadOnlyList<string> SkillUris { get; init; }
    public required IReadOnlyList<string> SkillLabelsEn { get; init; }
    public required IReadOnlyList<string> SkillLabelsFr { get; init; }
    public required ReuseLevel?[] SkillReuse { get; init; }
    public required int[][] SkillBroaders { get; init; }
    public required int[][] SkillNarrowers { get; init; }
    /// <summary>Related skills (either direction of an ESCO skill–skill relation).</summary>
    public required int[][] SkillRelated { get; init; }
    /// <summary>How many occupations list each skill as essential: common skills discriminate less.</summary>
    public required int[] SkillOccupationCount { get; init; }

    public required FrozenDictionary<string, int> OccupationByUri { get; init; }
    public required FrozenDictionary<string, int> SkillByUri { get; init; }
    public required FrozenDictionary<string, string> IscoLabelsEn { get; init; }
    public required FrozenDictionary<string, string> IscoLabelsFr { get; init; }

    public int OccupationCount => OccupationUris.Count;
    public int SkillCount => SkillUris.Count;

    /// <summary>Builds the dense graph from an ESCO taxonomy read into memory.</summary>
    public static TaxonomyGraph FromTaxonomy(EscoTaxonomy esco)
    {
        var occupations = esco.Occupations;
        var skills = esco.Skills;
        var occByUri = occupations.Select((o, i) => (o.Uri, i)).ToFrozenDictionary(p => p.Uri, p => p.i, StringComparer.Ordinal);
        var skillByUri = skills.Select((s, i) => (s.Uri, i)).ToFrozenDictionary(p => p.Uri, p => p.i, StringComparer.Ordinal);

        var essential = Lists(occupations.Count);
        var optional = Lists(occupations.Count);
        var skillOccupations = new int[skills.Count];
        foreach (var link in esco.OccupationSkills)
        {
            if (!occByUri.TryGetValue(link.OccupationUri, out var o) || !skillByUri.TryGetValue(link.SkillUri, out var s)) continue;
            (link.IsEssential ? essential : optional)[o].Add(s);
            if (link.IsEssential) skillOccupations[s]++;
        }

        var occBroader = Enumerable.Repeat(-1, occupations.Count).ToArray();
        foreach (var edge in esco.OccupationBroaders)
            if (occByUri.TryGetValue(edge.Uri, out var o) && occByUri.TryGetValue(edge.BroaderUri, out var b)) occBroader[o] = b;

        var broaders = Lists(skills.Count);
        var narrowers = Lists(skills.Count);
        foreach (var edge in esco.SkillBroaders)
            if (skillByUri.TryGetValue(edge.Uri, out var s) && skillByUri.TryGetValue(edge.BroaderUri, out var b))
            {
                broaders[s].Add(b);
                narrowers[b].Add(s);
            }

        var related = Lists(skills.Count);
        foreach (var rel in esco.SkillRelations)
            if (skillByUri.TryGetValue(rel.SkillUri, out var a) && skillByUri.TryGetValue(rel.RelatedSkillUri, out var b) && a != b)
            {
                related[a].Add(b);
                related[b].Add(a);
            }

        return new TaxonomyGraph
        {
            OccupationUris = occupations.Select(o => o.Uri).ToArray(),
            OccupationLabelsEn = occupations.Select(o => o.LabelEn).ToArray(),
            OccupationLabelsFr = occupations.Select(o => o.LabelFr ?? o.LabelEn).ToArray(),
            OccupationIsco = occupations.Select(o => ParseIsco(o.IscoCode)).ToArray(),
            OccupationBroader = occBroader,
            EssentialSkills = SortedArrays(essential),
            OptionalSkills = SortedArrays(optional),
            SkillUris = skills.Select(s => s.Uri).ToArray(),
            SkillLabelsEn = skills.Select(s => s.LabelEn).ToArray(),
            SkillLabelsFr = skills.Select(s => s.LabelFr ?? s.LabelEn).ToArray(),
            SkillReuse = skills.Select(s => s.ReuseLevel).ToArray(),
            SkillBroaders = SortedArrays(broaders),
            SkillNarrowers = SortedArrays(narrowers),
            SkillRelated = SortedArrays(related),
            SkillOccupationCount = skillOccupations,
            OccupationByUri = occByUri,
            SkillByUri = skillByUri,
            IscoLabelsEn = esco.IscoGroups.ToFrozenDictionary(g => g.Code, g => g.LabelEn, StringComparer.Ordinal),
            IscoLabelsFr = esco.IscoGroups.ToFrozenDictionary(g => g.Code, g => g.LabelFr ?? g.LabelEn, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Similarity of two occupations through ESCO and the ISCO-08 hierarchy: 1 for the same occupation, 0.85 for a
    /// direct specialisation or sibling specialisation, then 0.7 / 0.45 / 0.25 / 0.1 for a shared ISCO unit, minor,
    /// sub-major or major group.
    /// </summary>
    public double OccupationSimilarity(int a, int b)
    {
        if (a == b) return 1;
        int ba = OccupationBroader[a], bb = OccupationBroader[b];
        if (ba == b || bb == a || (ba >= 0 && ba == bb)) return 0.85;
        return IscoSimilarity(OccupationIsco[a], OccupationIsco[b]);
    }

    /// <summary>Similarity of two 4-digit ISCO unit groups by the length of their shared prefix.</summary>
    public static double IscoSimilarity(int a, int b)
    {
        if (a <= 0 || b <= 0) return 0;
        if (a == b) return 0.7;
        if (a / 10 == b / 10) return 0.45;
        if (a / 100 == b / 100) return 0.25;
        if (a / 1000 == b / 1000) return 0.1;
        return 0;
    }

    /// <summary>Importance of a required skill: specific skills say more about fit than transversal ones.</summary>
    public float SkillWeight(int skill) => SkillReuse[skill] switch
    {
        ReuseLevel.OccupationSpecific => 1f,
        ReuseLevel.SectorSpecific => 0.85f,
        ReuseLevel.CrossSector => 0.6f,
        ReuseLevel.Transversal => 0.4f,
        _ => 0.7f,
    };

    public string OccupationLabel(int occupation, string language) =>
        language == "fr" ? OccupationLabelsFr[occupation] : OccupationLabelsEn[occupation];

    public string SkillLabel(int skill, string language) => language == "fr" ? SkillLabelsFr[skill] : SkillLabelsEn[skill];

    private static int ParseIsco(string code) =>
        code.Length >= 4 && int.TryParse(code.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static List<int>[] Lists(int n)
    {
        var lists = new List<int>[n];
        for (var i = 0; i < n; i++) lists[i] = [];
        return lists;
    }

    private static int[][] SortedArrays(List<int>[] lists) => lists.Select(l => l.Distinct().Order().ToArray()).ToArray();
}
