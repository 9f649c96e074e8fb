using Matching.Core.Domain;

namespace Matching.Core.Engine;

/// <summary>
/// A candidate made ready for fast scoring: every skill they can be credited for (declared, through the skill
/// hierarchy and relations, implied by past and desired occupations) as sorted ids with credits, and a title vector.
/// </summary>
public sealed class PreparedCandidate
{
    public required CandidateProfile Profile { get; init; }
    public required int[] SkillIds { get; init; }
    public required float[] SkillCredits { get; init; }
    public required SparseVector TitleVector { get; init; }
    public required double TotalExperienceYears { get; init; }
    public string? PlaceKey { get; init; }

    public static PreparedCandidate Create(TaxonomyGraph graph, CandidateProfile profile, TitleVocabulary vocabulary)
    {
        var credit = new Dictionary<int, float>();
        void Give(int skill, float value)
        {
            if (skill < 0 || skill >= graph.SkillCount) return;
            if (!credit.TryGetValue(skill, out var existing) || existing < value) credit[skill] = value;
        }

        foreach (var e in profile.Experiences)
        {
            if (e.Occupation < 0) continue;
            foreach (var s in graph.EssentialSkills[e.Occupation]) Give(s, SkillCredit.EssentialOfPastOccupation);
            foreach (var s in graph.OptionalSkills[e.Occupation]) Give(s, SkillCredit.OptionalOfPastOccupation);
        }
        foreach (var o in profile.DesiredOccupations)
            foreach (var s in graph.EssentialSkills[o]) Give(s, SkillCredit.EssentialOfDesiredOccupation);
        foreach (var claim in profile.Skills)
        {
            var s = claim.Skill;
            if (s < 0 || s >= graph.SkillCount) continue;
            foreach (var b in graph.SkillBroaders[s]) Give(b, SkillCredit.BroaderOfDeclared);
            foreach (var r in graph.SkillRelated[s]) Give(r, SkillCredit.RelatedToDeclared);
            foreach (var n in graph.SkillNarrowers[s]) Give(n, SkillCredit.NarrowerOfDeclared);
        }
        foreach (var claim in profile.Skills) Give(claim.Skill, SkillCredit.Declared(claim.Level));

        var ids = credit.Keys.Order().ToArray();
        return new PreparedCandidate
        {
            Profile = profile,
            SkillIds = ids,
            SkillCredits = ids.Select(i => credit[i]).ToArray(),
            TitleVector = vocabulary.Vector(CandidateTitles(graph, profile)),
            TotalExperienceYears = profile.Experiences.Sum(e => e.Years),
            PlaceKey = profile.Location.Key,
        };
    }

    /// <summary>The texts a candidate's title vector is built from: their own titles, else their linked occupations' labels.</summary>
    public static IEnumerable<string> CandidateTitles(TaxonomyGraph graph, CandidateProfile p) =>
        p.Titles.Count > 0
            ? p.Titles
            : p.Experiences.Where(e => e.Occupation >= 0).Select(e => graph.OccupationLabelsEn[e.Occupation])
                .Concat(p.DesiredOccupations.Select(o => graph.OccupationLabelsEn[o]));
}

/// <summary>A vacancy made ready for fast scoring: required skills sorted with their reuse-level weights.</summary>
public sealed class PreparedVacancy
{
    public required VacancyProfile Profile { get; init; }
    public required int[] Essential { get; init; }
    public required float[] EssentialWeights { get; init; }
    public required float EssentialWeightTotal { get; init; }
    public required int[] Optional { get; init; }
    public required float[] OptionalWeights { get; init; }
    public required float OptionalWeightTotal { get; init; }
    public required SparseVector TitleVector { get; init; }
    public string? PlaceKey { get; init; }

    public static PreparedVacancy Create(TaxonomyGraph graph, VacancyProfile profile, TitleVocabulary vocabulary)
    {
        var essential = profile.EssentialSkills.Where(s => s >= 0 && s < graph.SkillCount).Distinct().Order().ToArray();
        if (essential.Length == 0 && profile.Occupation >= 0) essential = graph.EssentialSkills[profile.Occupation];
        var optional = profile.OptionalSkills.Where(s => s >= 0 && s < graph.SkillCount).Except(essential).Distinct().Order().ToArray();
        if (optional.Length == 0 && profile.EssentialSkills.Count == 0 && profile.Occupation >= 0)
            optional = graph.OptionalSkills[profile.Occupation];
        var ew = essential.Select(graph.SkillWeight).ToArray();
        var ow = optional.Select(graph.SkillWeight).ToArray();
        return new PreparedVacancy
        {
            Profile = profile,
            Essential = essential, EssentialWeights = ew, EssentialWeightTotal = ew.Sum(),
            Optional = optional, OptionalWeights = ow, OptionalWeightTotal = ow.Sum(),
            TitleVector = vocabulary.Vector(VacancyTitles(graph, profile)),
            PlaceKey = profile.Location.Key,
        };
    }

    public static IEnumerable<string> VacancyTitles(TaxonomyGraph graph, VacancyProfile p) =>
        p.Title.Length > 0 ? [p.Title] : p.Occupation >= 0 ? [graph.OccupationLabelsEn[p.Occupation]] : [];
}

/// <summary>Why a pair is never proposed, whatever its score.</summary>
public enum ExclusionReason
{
    /// <summary>The candidate's work authorisation ends before the vacancy starts.</summary>
    WorkAuthorisationEndsBeforeStart = 1,
    /// <summary>The candidate does not look for this kind of opportunity (job or internship).</summary>
    NotLookingForThisKind = 2,
}

/// <summary>A pair kept out by a hard filter, with a reason an adviser can read.</summary>
public sealed record PairExclusion(string CandidateId, string VacancyId, ExclusionReason Reason, string MessageFr, string MessageEn);

/// <summary>Rules that exclude a pair outright instead of lowering its score.</summary>
public static class HardFilters
{
    /// <summary>The reason the pair is excluded, or null when it may be scored.</summary>
    public static ExclusionReason? Check(CandidateProfile c, VacancyProfile v, DateOnly referenceDate)
    {
        var start = v.StartDate is { } s && s > referenceDate ? s : referenceDate;
        if (c.WorkAuthorisedUntil is { } until && until < start) return ExclusionReason.WorkAuthorisationEndsBeforeStart;
        var kind = v.Kind == VacancyKind.Internship ? OpportunityKinds.Internship : OpportunityKinds.Job;
        if (c.Wants != OpportunityKinds.None && (c.Wants & kind) == 0) return ExclusionReason.NotLookingForThisKind;
        return null;
    }

    public static PairExclusion Explain(CandidateProfile c, VacancyProfile v, ExclusionReason reason, DateOnly referenceDate)
    {
        var start = v.StartDate is { } s && s > referenceDate ? s : referenceDate;
        return reason switch
        {
            ExclusionReason.WorkAuthorisationEndsBeforeStart => new PairExclusion(c.Id, v.Id, reason,
                $"Autorisation de travail valable jusqu'au {c.WorkAuthorisedUntil:dd/MM/yyyy}, avant le début du poste ({start:dd/MM/yyyy}) : faire renouveler le titre avant de proposer cette offre.",
                $"Work authorisation valid until {c.WorkAuthorisedUntil:yyyy-MM-dd}, before the start date ({start:yyyy-MM-dd}): renew the permit before proposing this vacancy."),
            _ => new PairExclusion(c.Id, v.Id, reason,
                v.Kind == VacancyKind.Internship ? "Le ou la candidat·e ne cherche pas de stage." : "Le ou la candidat·e cherche un stage, pas un emploi.",
                v.Kind == VacancyKind.Internship ? "The candidate is not looking for an internship." : "The candidate is looking for an internship, not a job."),
        };
    }
}
