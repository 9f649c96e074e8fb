using Matching.Core.Domain;
using Matching.Core.Reference;

namespace Matching.Core.Linking;

/// <summary>
/// Links a free-text job title (French, English or Arabic, as people write it) to ranked ESCO occupations.
/// Built once from the shipped taxonomy (preferred and alternative labels in French and English, and a second index
/// over the Arabic preferred labels); immutable and thread-safe, so one instance (<see cref="Shared"/>) serves the
/// whole process.
/// </summary>
public sealed class OccupationLinker
{
    private static readonly Lazy<OccupationLinker> SharedInstance = new(() => FromOccupations(EscoTaxonomy.LoadOccupations()));

    private readonly LabelIndex _index;
    private readonly ArabicOccupationIndex _arabic;

    private OccupationLinker(LabelIndex index, ArabicOccupationIndex arabic, LinkerReranker? reranker)
    {
        _index = index;
        _arabic = arabic;
        Reranker = reranker;
    }

    /// <summary>The learned re-ranker in use, or null when the unsupervised scorer ranks alone (the default).</summary>
    public LinkerReranker? Reranker { get; }

    /// <summary>The process-wide linker, built from the shipped ESCO files on first use (about a second).</summary>
    public static OccupationLinker Shared => SharedInstance.Value;

    /// <summary>Builds a linker over every occupation of <paramref name="taxonomy"/>.</summary>
    public static OccupationLinker FromTaxonomy(EscoTaxonomy taxonomy) => FromOccupations(taxonomy.Occupations);

    /// <summary>Builds a linker over <paramref name="occupations"/> (e.g. from <see cref="EscoTaxonomy.LoadOccupations"/>).</summary>
    /// <remarks>
    /// The learned re-ranker is off by default: it raises the held-out ESCO labels but lowers the realistic French
    /// development set (see models/linker-occupations.card.md); pass <see cref="LinkerReranker.TryLoad"/> of
    /// <see cref="LinkerReranker.OccupationModelFile"/> to the other overload to use it.
    /// </remarks>
    public static OccupationLinker FromOccupations(IEnumerable<Occupation> occupations) => FromOccupations(occupations, null);

    /// <summary>Builds a linker over <paramref name="occupations"/> re-ranked by <paramref name="reranker"/> (null: unsupervised only).</summary>
    public static OccupationLinker FromOccupations(IEnumerable<Occupation> occupations, LinkerReranker? reranker)
    {
        var list = occupations as IReadOnlyList<Occupation> ?? occupations.ToList();
        return new(new LabelIndex(ConceptsOf(list, null), vocabulary: JobVocabulary.Shared), new ArabicOccupationIndex(list), reranker);
    }

    internal static List<IndexedConcept> ConceptsOf(IEnumerable<Occupation> occupations, Func<string, string, bool>? keepLabel)
    {
        var list = occupations as IReadOnlyCollection<Occupation> ?? occupations.ToList();
        // ESCO codes nest ("7126.8" is above "7126.8.1"): count the occupations below each one.
        var codes = list.Where(o => o.Code is not null).Select(o => o.Code!).ToHashSet(StringComparer.Ordinal);
        var narrower = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in codes)
            for (var cut = code.LastIndexOf('.'); cut > 0; cut = code.LastIndexOf('.', cut - 1))
                if (codes.Contains(code[..cut])) narrower[code[..cut]] = narrower.GetValueOrDefault(code[..cut]) + 1;
        return list
            .Select(o => LinkerConcepts.Create(o.Uri, o.LabelFr, o.AltLabelsFr, o.LabelEn, o.AltLabelsEn, keepLabel) with
            {
                Narrower = o.Code is null ? 0 : narrower.GetValueOrDefault(o.Code),
                Code = o.Code,
                CodeDepth = o.Code is null ? 0 : o.Code.Count(ch => ch == '.'),
                IscoMajor = o.IscoCode.Length > 0 && char.IsDigit(o.IscoCode[0]) ? o.IscoCode[0] - '0' : -1,
                IscoUnit = int.TryParse(o.IscoCode, System.Globalization.CultureInfo.InvariantCulture, out var unit) ? unit : -1,
            })
            .ToList();
    }

    /// <summary>Number of occupations indexed.</summary>
    public int Count => _index.Concepts.Count;

    internal LabelIndex Index => _index;

    internal LabelIndex ArabicIndex => _arabic.Index;

    /// <summary>
    /// The <paramref name="top"/> ESCO occupations best matching <paramref name="text"/>, best first; empty for
    /// blank text. <paramref name="lang"/> is the language the text is written in ("fr", "en" or "ar"). A title written
    /// mostly in Arabic script is linked through the Arabic labels whatever <paramref name="lang"/> says (a French form
    /// may receive an Arabic title), and labelled in Arabic; a Latin-script title with "ar" is read as French.
    /// </summary>
    public IReadOnlyList<LinkedConcept> Link(string text, string lang, int top = 10)
    {
        if (!LinkingLanguages.IsSupportedForOccupations(lang))
            throw new ArgumentException($"Language '{lang}' is not supported; use fr, en or ar.", nameof(lang));
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (ArabicNormalizer.IsMostlyArabic(text)) return _arabic.Link(text, top);
        return LinkerConcepts.Link(_index, text, lang == LinkingLanguages.Arabic ? "fr" : lang, top, Reranker);
    }
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
        new(BuildIndex(ConceptsOf(taxonomy, keepLabel), weights));

    /// <summary>
    /// Skill phrases are scored like titles, except that a skill nothing real matched keeps a low confidence (a profile
    /// form must not propose "logiciel d'édition graphique" at 54 % for "je sais faire le ménage"), and no label is
    /// held back for being a management role or for lacking the first word (a skill phrase has no head noun).
    /// </summary>
    internal static readonly ScoreWeights SkillWeights = new() { WordOverlapFloor = 0.3f, ManagerWithoutManagerQuery = 0f, HeadMissing = 0f, ActivityVerb = 0.95f };

    /// <summary>
    /// What people write around a skill on a form or in a CV and that names none: "je sais faire", "j'ai travaillé comme",
    /// "expérience en", "bonne maîtrise de", "notions de". Dropped from the query while another word remains.
    /// </summary>
    internal static readonly HashSet<string> Filler = new[]
    {
        "je", "j'ai", "moi", "mon", "ma", "mes", "sais", "savoir", "faire", "fais", "peux", "suis", "étais", "avoir", "eu",
        "travaillé", "travaille", "travaillais", "comme", "expérience", "expériences", "bonne", "bon", "très", "bien",
        "maîtrise", "maîtriser", "connaissance", "connaissances", "notions", "capable", "compétences", "domaine", "chez",
        "plusieurs", "déjà", "aussi", "aime", "depuis", "années",
    }.SelectMany(TitleNormalizer.Tokens).ToHashSet(StringComparer.Ordinal);

    /// <summary>The skill index over <paramref name="concepts"/>, with the skill vocabulary and the CV filler words.</summary>
    internal static LabelIndex BuildIndex(IReadOnlyList<IndexedConcept> concepts, ScoreWeights? weights = null) =>
        new(concepts, weights ?? SkillWeights, JobVocabulary.SharedSkills, Filler);

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

    public static IReadOnlyList<LinkedConcept> Link(LabelIndex index, string text, string lang, int top, LinkerReranker? reranker = null)
    {
        LinkingLanguages.Check(lang, top);
        if (string.IsNullOrWhiteSpace(text)) return [];
        var hits = reranker is null ? index.Search(text, lang, top) : Reranked(index, reranker, text, lang, top);
        var result = new LinkedConcept[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            var c = index.Concepts[hits[i].Concept];
            result[i] = new LinkedConcept(c.Uri, hits[i].Score, lang == "fr" ? c.DisplayFr : c.DisplayEn);
        }
        return result;
    }

    /// <summary>Candidates the unsupervised scorer ranks before the re-ranker sees them.</summary>
    internal const int RerankCandidates = 50;

    /// <summary>
    /// The unsupervised top <see cref="RerankCandidates"/> re-ordered by <paramref name="reranker"/>; scores are the
    /// logistic of the re-ranker output, so they stay in 0..1 and decrease with the rank.
    /// </summary>
    internal static List<(int Concept, float Score)> Reranked(LabelIndex index, LinkerReranker reranker, string text, string lang, int top)
    {
        var features = new List<float>(RerankCandidates * RerankFeatures.Count);
        var candidates = index.Candidates(text, lang, Math.Max(top, RerankCandidates), features);
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
        var scored = new (int Concept, double Score, int Rank)[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
            scored[i] = (candidates[i].Concept, reranker.Score(span.Slice(i * RerankFeatures.Count, RerankFeatures.Count)), i);
        Array.Sort(scored, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Rank.CompareTo(b.Rank));
        var result = new List<(int, float)>(Math.Min(top, scored.Length));
        for (var i = 0; i < scored.Length && i < top; i++) result.Add((scored[i].Concept, (float)(1.0 / (1.0 + Math.Exp(-scored[i].Score)))));
        return result;
    }
}
