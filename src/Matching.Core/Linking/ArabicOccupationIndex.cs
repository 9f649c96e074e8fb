using Matching.Core.Domain;

namespace Matching.Core.Linking;

/// <summary>
/// The occupation index over ESCO's Arabic preferred labels (2,939 occupations in v1.1.1), each gendered half
/// ("مدير المطعم / مديرة المطعم") a label of its own, normalised by <see cref="ArabicNormalizer"/> and scored like the
/// French and English index (word overlap, typo- and prefix-tolerant expansion, character n-gram fallback).
/// </summary>
internal sealed class ArabicOccupationIndex
{
    /// <summary>
    /// ESCO ships one Arabic label per occupation and no alternatives: nothing to learn synonyms from (the halves are
    /// gender forms), no English words to translate, and the French job vocabulary does not apply.
    /// </summary>
    internal static readonly ScoreWeights Weights = new() { LearnedSynonyms = false, LearnedTranslations = false };

    private readonly string[] _display;

    public ArabicOccupationIndex(IReadOnlyList<Occupation> occupations)
    {
        var concepts = ConceptsOf(occupations);
        Index = BuildIndex(concepts);
        var arabicByUri = occupations.Where(o => !string.IsNullOrWhiteSpace(o.LabelAr)).ToDictionary(o => o.Uri, o => o.LabelAr!.Trim(), StringComparer.Ordinal);
        _display = concepts.Select(c => arabicByUri[c.Uri]).ToArray();
    }

    public LabelIndex Index { get; }

    /// <summary>The index over <paramref name="concepts"/> (from <see cref="ConceptsOf"/>) with the Arabic weights.</summary>
    internal static LabelIndex BuildIndex(IReadOnlyList<IndexedConcept> concepts) => new(concepts, Weights);

    /// <summary>
    /// The occupations that have an Arabic label, with the same codes and hierarchy counts as the French/English index and
    /// the gendered halves of that label as their labels (both preferred, language "ar").
    /// </summary>
    internal static List<IndexedConcept> ConceptsOf(IEnumerable<Occupation> occupations)
    {
        var list = occupations as IReadOnlyCollection<Occupation> ?? occupations.ToList();
        var all = OccupationLinker.ConceptsOf(list, (_, _) => false);
        var result = new List<IndexedConcept>(all.Count);
        var i = 0;
        foreach (var o in list)
        {
            var concept = all[i++];
            if (string.IsNullOrWhiteSpace(o.LabelAr)) continue;
            var labels = ArabicNormalizer.GenderedForms(o.LabelAr).Select(half => new ConceptLabel(half, LinkingLanguages.Arabic, true)).ToList();
            result.Add(concept with { Labels = labels });
        }
        return result;
    }

    /// <summary>The <paramref name="top"/> occupations best matching an Arabic title, with their Arabic labels.</summary>
    public IReadOnlyList<LinkedConcept> Link(string text, int top)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var hits = Index.Search(text, LinkingLanguages.Arabic, top);
        var result = new LinkedConcept[hits.Count];
        for (var k = 0; k < hits.Count; k++)
            result[k] = new LinkedConcept(Index.Concepts[hits[k].Concept].Uri, hits[k].Score, _display[hits[k].Concept]);
        return result;
    }
}
