using System.Globalization;
using System.Text;
using Matching.Core.Domain;

namespace Matching.Core.Engine;

/// <summary>An ESCO concept named in both product languages.</summary>
public sealed record ConceptLabel(string Uri, string LabelEn, string LabelFr)
{
    public string Label(string language) => language == "fr" ? LabelFr : LabelEn;
}

/// <summary>A required skill the candidate does not declare but is credited for through something they have.</summary>
public sealed record TransferableSkill(ConceptLabel Required, string ViaEn, string ViaFr);

/// <summary>A required language against the candidate's level.</summary>
public sealed record LanguageCheck(string Code, CefrLevel Required, CefrLevel? Held)
{
    public bool Meets => Held is { } h && (h >= Required || h == CefrLevel.Native);
}

/// <summary>One feature's share of the transparent score.</summary>
public sealed record ScoreContribution(string Feature, float Value, float Contribution);

/// <summary>
/// Why a candidate and a vacancy were matched, stored with each match (serialisable with System.Text.Json) and
/// rendered for advisers and employers in French or English.
/// </summary>
public sealed record MatchExplanation
{
    public required string CandidateId { get; init; }
    public required string VacancyId { get; init; }
    public required string Scorer { get; init; }
    public required float Score { get; init; }
    public required IReadOnlyList<ConceptLabel> MatchedEssentialSkills { get; init; }
    public required IReadOnlyList<ConceptLabel> MissingEssentialSkills { get; init; }
    public required IReadOnlyList<TransferableSkill> TransferableSkills { get; init; }
    public required IReadOnlyList<LanguageCheck> Languages { get; init; }
    public double? DistanceKm { get; init; }
    public int MobilityKm { get; init; }
    public bool SamePlace { get; init; }
    /// <summary>The largest contributions of the transparent formula, largest first.</summary>
    public required IReadOnlyList<ScoreContribution> MainContributions { get; init; }

    private static readonly Dictionary<string, (string En, string Fr)> FeatureLabels = new(StringComparer.Ordinal)
    {
        ["essential_skill_coverage"] = ("essential skills covered", "compétences essentielles couvertes"),
        ["essential_skill_direct"] = ("essential skills declared", "compétences essentielles déclarées"),
        ["optional_skill_coverage"] = ("optional skills covered", "compétences optionnelles couvertes"),
        ["desired_occupation_similarity"] = ("close to the job sought", "proche du métier recherché"),
        ["experience_occupation_similarity"] = ("close to past jobs", "proche des emplois passés"),
        ["related_experience_years"] = ("years of related experience", "années d'expérience liée"),
        ["title_similarity"] = ("job titles in common", "intitulés de poste en commun"),
        ["language_fit"] = ("languages", "langues"),
        ["languages_missing"] = ("missing languages", "langues manquantes"),
        ["distance_fit"] = ("distance", "distance"),
        ["distance_known"] = ("distance known", "distance connue"),
        ["same_place"] = ("same town", "même ville"),
        ["availability_fit"] = ("availability", "disponibilité"),
        ["is_internship"] = ("internship", "stage"),
        ["internship_suitability"] = ("suits an internship", "adapté à un stage"),
        ["education_fit"] = ("education level", "niveau d'études"),
    };

    /// <summary>A few plain sentences in <paramref name="language"/> ("fr" or "en").</summary>
    public string Render(string language)
    {
        var fr = language == "fr";
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string Labels(IEnumerable<ConceptLabel> items) => string.Join(", ", items.Take(6).Select(i => i.Label(language)));
        sb.AppendLine(fr ? Inv($"Score {Score:0.00} ({Scorer}).") : Inv($"Score {Score:0.00} ({Scorer})."));
        if (MatchedEssentialSkills.Count > 0)
            sb.AppendLine(fr ? Inv($"Compétences essentielles acquises ({MatchedEssentialSkills.Count}) : {Labels(MatchedEssentialSkills)}.") : Inv($"Essential skills held ({MatchedEssentialSkills.Count}): {Labels(MatchedEssentialSkills)}."));
        if (TransferableSkills.Count > 0)
            sb.AppendLine(fr
                ? "Compétences transférables : " + string.Join(" ; ", TransferableSkills.Take(5).Select(t => $"{t.Required.LabelFr} (via {t.ViaFr})")) + "."
                : "Transferable skills: " + string.Join("; ", TransferableSkills.Take(5).Select(t => $"{t.Required.LabelEn} (through {t.ViaEn})")) + ".");
        if (MissingEssentialSkills.Count > 0)
            sb.AppendLine(fr ? Inv($"Compétences essentielles à acquérir ({MissingEssentialSkills.Count}) : {Labels(MissingEssentialSkills)}.") : Inv($"Essential skills to acquire ({MissingEssentialSkills.Count}): {Labels(MissingEssentialSkills)}."));
        if (Languages.Count > 0)
            sb.AppendLine(string.Join(fr ? " ; " : "; ", Languages.Select(l => fr
                ? $"{l.Code} demandé {l.Required}, {(l.Held is { } hf ? $"niveau {hf}" : "non parlé")}{(l.Meets ? " ✓" : "")}"
                : $"{l.Code} required {l.Required}, {(l.Held is { } he ? $"level {he}" : "not spoken")}{(l.Meets ? " ✓" : "")}")) + ".");
        if (DistanceKm is { } km)
            sb.AppendLine(fr ? Inv($"Distance {km:0} km (mobilité {MobilityKm} km).") : Inv($"Distance {km:0} km (mobility {MobilityKm} km)."));
        else if (SamePlace) sb.AppendLine(fr ? "Même ville." : "Same town.");
        if (MainContributions.Count > 0)
            sb.AppendLine((fr ? "Principaux apports au score : " : "Main score contributions: ") + string.Join(", ",
                MainContributions.Select(c => string.Create(inv, $"{(fr ? FeatureLabels[c.Feature].Fr : FeatureLabels[c.Feature].En)} {c.Contribution:+0.00;-0.00}"))) + ".");
        return sb.ToString().TrimEnd();
    }

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Builds the explanation of one scored pair.</summary>
    public static MatchExplanation Explain(TaxonomyGraph graph, CandidateProfile c, VacancyProfile v, ReadOnlySpan<float> features, float score, string scorer)
    {
        ConceptLabel SkillLabel(int s) => new(graph.SkillUris[s], graph.SkillLabelsEn[s], graph.SkillLabelsFr[s]);
        var essential = v.EssentialSkills.Count > 0 ? v.EssentialSkills.Distinct().ToArray() : v.Occupation >= 0 ? graph.EssentialSkills[v.Occupation] : [];
        var declared = c.Skills.Select(s => s.Skill).Where(s => s >= 0 && s < graph.SkillCount).ToHashSet();
        var matched = new List<ConceptLabel>();
        var missing = new List<ConceptLabel>();
        var transferable = new List<TransferableSkill>();
        foreach (var s in essential.OrderByDescending(graph.SkillWeight))
        {
            if (declared.Contains(s)) { matched.Add(SkillLabel(s)); continue; }
            var via = declared.FirstOrDefault(d => graph.SkillRelated[d].Contains(s) || graph.SkillBroaders[d].Contains(s) || graph.SkillNarrowers[d].Contains(s), -1);
            if (via >= 0) { transferable.Add(new TransferableSkill(SkillLabel(s), graph.SkillLabelsEn[via], graph.SkillLabelsFr[via])); continue; }
            var past = c.Experiences.FirstOrDefault(e => e.Occupation >= 0 && Array.BinarySearch(graph.EssentialSkills[e.Occupation], s) >= 0);
            if (past is not null)
            {
                transferable.Add(new TransferableSkill(SkillLabel(s), $"experience as {graph.OccupationLabelsEn[past.Occupation]}", $"expérience de {graph.OccupationLabelsFr[past.Occupation]}"));
                continue;
            }
            missing.Add(SkillLabel(s));
        }
        var languages = v.Languages.Select(l => new LanguageCheck(l.Code, l.Level,
            c.Languages.Where(h => string.Equals(h.Code, l.Code, StringComparison.OrdinalIgnoreCase)).Select(h => (CefrLevel?)h.Level).Max())).ToList();
        var contributions = new ColdStartScorer().Contributions(features);
        var values = features.ToArray();
        return new MatchExplanation
        {
            CandidateId = c.Id, VacancyId = v.Id, Scorer = scorer, Score = score,
            MatchedEssentialSkills = matched, MissingEssentialSkills = missing, TransferableSkills = transferable, Languages = languages,
            DistanceKm = GeoPlace.DistanceKm(c.Location, v.Location) is { } km ? Math.Round(km, 1) : null,
            MobilityKm = c.MobilityKm,
            SamePlace = features[PairFeatures.SamePlace] > 0,
            MainContributions = contributions.Select((value, f) => new ScoreContribution(PairFeatures.Names[f], values[f], value))
                .Where(x => Math.Abs(x.Contribution) > 0.005f).OrderByDescending(x => Math.Abs(x.Contribution)).Take(4).ToList(),
        };
    }
}
