using Matching.Core.Domain;
using Matching.Core.Reference;

namespace Matching.Core.Linking;

/// <summary>
/// Links a free-text job title (French or English, as people write it) to ranked ESCO occupations.
/// Built once from the shipped taxonomy (preferred and alternative labels in French and English); immutable and
/// thread-safe, so one instance (<see cref="Shared"/>) serves the whole process.
/// </summary>
public sealed class OccupationLinker
{
    private static readonly Lazy<OccupationLinker> SharedInstance = new(() => FromOccupations(EscoTaxonomy.LoadOccupations()));

    private readonly LabelIndex _index;

    private OccupationLinker(LabelIndex index) => _index = index;

    /// <summary>The process-wide linker, built from the shipped ESCO files on first use (about a second).</summary>
    public static OccupationLinker Shared => SharedInstance.Value;

    /// <summary>Builds a linker over every occupation of <paramref name="taxonomy"/>.</summary>
    public static OccupationLinker FromTaxonomy(EscoTaxonomy taxonomy) => FromOccupations(taxonomy.Occupations);

    /// <summary>Builds a linker over <paramref name="occupations"/> (e.g. from <see cref="EscoTaxonomy.LoadOccupations"/>).</summary>
    public static OccupationLinker FromOccupations(IEnumerable<Occupation> occupations) => new(new LabelIndex(ConceptsOf(occupations, null)));

    internal static List<IndexedConcept> ConceptsOf(IEnumerable<Occupation> occupations, Func<string, string, bool>? keepLabel) =>
        occupations
            .Select(o => LinkerConcepts.Create(o.Uri, o.LabelFr, o.AltLabelsFr, o.LabelEn, o.AltLabelsEn, keepLabel))
            .ToList();

    /// <summary>Number of occupations indexed.</summary>
    public int Count => _index.Concepts.Count;

    internal LabelIndex Index => _index;

    /// <summary>
    /// The <paramref name="top"/> ESCO occupations best matching <paramref name="text"/>, best first; empty for
    /// blank text. <paramref name="lang"/> is the language the text is written in ("fr" or "en").
    /// </summary>
    public IReadOnlyList<LinkedConcept> Link(string text, string lang, int top = 10) => LinkerConcepts.Link(_index, text, lang, top);
}

/// <summary>Links a skill phrase or a sentence from a vacancy or CV to ranked ESCO skills; thread-safe.</summary>
public sealed class SkillLinker
{
    private static readonly Lazy<SkillLinker> SharedInstance = new(() => FromTaxonomy(EscoTaxonomy.Load()));

    private readonly LabelIndex _index;

    private SkillLinker(LabelIndex index) => _index = index;

    /// <summary>The process-wide linker, built from the shipped ESCO files on first use.</summary>
    public static SkillLinker Shared => SharedInstance.Value;

    /// <summary>Builds a linker over every skill of <paramref name="taxonomy"/>.</summary>
    public static SkillLinker FromTaxonomy(EscoTaxonomy taxonomy) => FromTaxonomy(taxonomy, null);

    internal static SkillLinker FromTaxonomy(EscoTaxonomy taxonomy, Func<string, string, bool>? keepLabel, ScoreWeights? weights = null) =>
        new(new LabelIndex(ConceptsOf(taxonomy, keepLabel), weights));

    internal static List<IndexedConcept> ConceptsOf(EscoTaxonomy taxonomy, Func<string, string, bool>? keepLabel) =>
        taxonomy.Skills
            .Select(s => LinkerConcepts.Create(s.Uri, s.LabelFr, s.AltLabelsFr, s.LabelEn, s.AltLabelsEn, keepLabel))
            .ToList();

    /// <summary>Number of skills indexed.</summary>
    public int Count => _index.Concepts.Count;

    internal LabelIndex Index => _index;

    /// <summary>
    /// The <paramref name="top"/> ESCO skills best matching <paramref name="text"/> (a skill phrase or a whole
    /// sentence), best first; empty for blank text.
    /// </summary>
    public IReadOnlyList<LinkedConcept> Link(string text, string lang, int top = 10) => LinkerConcepts.Link(_index, text, lang, top);
}

internal static class LinkerConcepts
{
    public static IndexedConcept Create(string uri, string? prefFr, IEnumerable<string> altFr, string prefEn, IEnumerable<string> altEn,
        Func<string, string, bool>? keep)
    {
        var labels = new List<ConceptLabel>();
        void Add(string? text, string lang, bool preferred)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            if (keep is null || keep(uri, text)) labels.Add(new ConceptLabel(text, lang, preferred));
        }
        Add(prefFr, "fr", true);
        foreach (var a in altFr) Add(a, "fr", false);
        Add(prefEn, "en", true);
        foreach (var a in altEn) Add(a, "en", false);
        return new IndexedConcept(uri, prefFr ?? prefEn, prefEn, labels);
    }

    public static IReadOnlyList<LinkedConcept> Link(LabelIndex index, string text, string lang, int top)
    {
        LinkingLanguages.Check(lang, top);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var hits = index.Search(text, lang, top);
        var result = new LinkedConcept[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var c = index.Concepts[hits[i].Concept];
            result[i] = new LinkedConcept(c.Uri, hits[i].Score, lang == "fr" ? c.DisplayFr : c.DisplayEn);
        }
        return result;
    }
}
