using Matching.Core.Linking;
using Matching.Core.Reference;

namespace Matching.Core.Engine.Interchange;

/// <summary>A concept proposed for a text, with a confidence from 0 to 1.</summary>
public sealed record ConceptMatch(string Uri, double Confidence);

/// <summary>
/// Links free text (a job title, a skill) to ESCO concepts. The engine codes against this interface so the
/// product's linker (issue #3, <see cref="EscoConceptLinker"/>) is used by the commands and tests can plug in a fake.
/// </summary>
public interface IConceptLinker
{
    IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3);
    IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3);
}

/// <summary>
/// The product's linker (<see cref="OccupationLinker"/>, <see cref="SkillLinker"/>) behind the engine's interface.
/// Interchange files do not say which language a text is in, so each text is linked as French and as English and
/// the better-scored proposals are kept (a concept proposed by both keeps its higher confidence). Thread-safe.
/// </summary>
public sealed class EscoConceptLinker : IConceptLinker
{
    // Built from the taxonomy the graph already holds (not read twice), each side only when first needed.
    private static readonly EscoConceptLinker Shared = new(
        () => OccupationLinker.FromTaxonomy(EscoTaxonomyCache.Value), () => SkillLinker.FromTaxonomy(EscoTaxonomyCache.Value));

    private readonly Lazy<OccupationLinker> _occupations;
    private readonly Lazy<SkillLinker> _skills;

    public EscoConceptLinker(OccupationLinker occupations, SkillLinker skills) : this(() => occupations, () => skills) { }

    private EscoConceptLinker(Func<OccupationLinker> occupations, Func<SkillLinker> skills)
    {
        _occupations = new(occupations, LazyThreadSafetyMode.ExecutionAndPublication);
        _skills = new(skills, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The linker over the shipped ESCO labels, shared by the process.</summary>
    public static EscoConceptLinker Default => Shared;

    public IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3) => BothLanguages(_occupations.Value.Link, text, max);

    public IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3) => BothLanguages(_skills.Value.Link, text, max);

    private static List<ConceptMatch> BothLanguages(Func<string, string, int, IReadOnlyList<LinkedConcept>> link, string text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var lang in LinkingLanguages.All)
            foreach (var c in link(text, lang, max))
                if (c.Score > best.GetValueOrDefault(c.Uri)) best[c.Uri] = c.Score;
        return best.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(max)
            .Select(p => new ConceptMatch(p.Key, Math.Round(Math.Clamp(p.Value, 0, 1), 4))).ToList();
    }
}

/// <summary>The shipped ESCO taxonomy read once per process, shared by the graph and the interchange reader.</summary>
public static class EscoTaxonomyCache
{
    private static readonly Lazy<EscoTaxonomy> Lazy = new(EscoTaxonomy.Load, LazyThreadSafetyMode.ExecutionAndPublication);
    public static EscoTaxonomy Value => Lazy.Value;
}
