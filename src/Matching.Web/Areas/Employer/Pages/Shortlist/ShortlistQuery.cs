using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Areas.Employer.Pages.Vacancies;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>Filters of the shortlist page (query string), also applied to the CSV export and the printable page.</summary>
public sealed class ShortlistFilters
{
    public int? MaxDistanceKm { get; set; }
    public string? Language { get; set; }
    public DateOnly? AvailableBy { get; set; }
    /// <summary>Minimum share of essential skills held, in percent.</summary>
    public int? MinCoverage { get; set; }
    public DecisionStep? Step { get; set; }

    public object RouteValues(int vacancyId) =>
        new { vacancyId, MaxDistanceKm, Language, AvailableBy = AvailableBy?.ToString("yyyy-MM-dd"), MinCoverage, Step };
}

/// <summary>A pseudonymised candidate on a shortlist: public number and job-relevant facts only, never identity.</summary>
public sealed record ShortlistCard(
    int CandidateId, int PublicNumber, int Rank, double Score,
    IReadOnlyList<string> MatchedEssential, IReadOnlyList<string> MissingEssential, IReadOnlyList<string> Transferable,
    IReadOnlyList<LanguageCheck> Languages, double? DistanceKm, DateOnly? AvailableFrom, double? Coverage,
    IReadOnlyList<Contribution> Contributions, DecisionStep? Step, RejectionReason? Reason, bool ContactRequested, bool IdentityShared);

public sealed record ShortlistRun(int Id, DateTimeOffset? PublishedAt, string? ModelVersion);

public sealed record Shortlist(ShortlistRun? Run, int Total, IReadOnlyList<ShortlistCard> Cards);

/// <summary>
/// Reads a vacancy's shortlist from the latest published run that scored it. What the explanation JSON says wins;
/// missing parts are filled from the profile (distance between cities, availability, essential skills held).
/// The caller has already checked that the vacancy belongs to the signed-in employer.
/// </summary>
public static class ShortlistQuery
{
    public static async Task<ShortlistRun?> LatestRunAsync(MatchingDbContext db, int vacancyId, CancellationToken ct) =>
        await db.MatchRuns.AsNoTracking()
            .Where(r => r.Status == MatchRunStatus.Published && db.Matches.Any(m => m.RunId == r.Id && m.VacancyId == vacancyId))
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Select(r => new ShortlistRun(r.Id, r.PublishedAt, r.ModelVersion))
            .FirstOrDefaultAsync(ct);

    public static async Task<Shortlist> LoadAsync(MatchingDbContext db, int vacancyId, int employerId, ShortlistFilters filters, CancellationToken ct)
    {
        var run = await LatestRunAsync(db, vacancyId, ct);
        if (run is null) return new Shortlist(null, 0, []);

        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == vacancyId)
            .Select(v => new
            {
                Latitude = v.City != null ? (double?)v.City.Latitude : null,
                Longitude = v.City != null ? (double?)v.City.Longitude : null,
                Essential = v.Skills.Where(s => s.IsEssential).Select(s => s.SkillId).ToList(),
                Languages = v.Languages.Select(l => new { l.Code, l.MinLevel }).ToList(),
            })
            .SingleAsync(ct);

        var rows = await db.Matches.AsNoTracking()
            .Where(m => m.RunId == run.Id && m.VacancyId == vacancyId)
            .OrderBy(m => m.Rank)
            .Select(m => new
            {
                m.CandidateId, m.Rank, m.Score, m.ExplanationJson, m.Candidate!.PublicNumber, m.Candidate.AvailableFrom,
                Latitude = m.Candidate.City != null ? (double?)m.Candidate.City.Latitude : null,
                Longitude = m.Candidate.City != null ? (double?)m.Candidate.City.Longitude : null,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.CandidateId).ToList();

        var heldEssential = (await db.CandidateSkills.AsNoTracking()
                .Where(s => ids.Contains(s.CandidateId) && vacancy.Essential.Contains(s.SkillId))
                .Select(s => new { s.CandidateId, s.SkillId }).ToListAsync(ct))
            .ToLookup(s => s.CandidateId, s => s.SkillId);
        var spoken = (await db.CandidateLanguages.AsNoTracking()
                .Where(l => ids.Contains(l.CandidateId))
                .Select(l => new { l.CandidateId, l.Code, l.Level }).ToListAsync(ct))
            .ToLookup(l => l.CandidateId);
        var steps = (await db.Decisions.AsNoTracking().Where(d => d.VacancyId == vacancyId)
                .Select(d => new { d.Id, d.CandidateId, d.Step, d.Reason, d.DecidedAt }).ToListAsync(ct))
            .GroupBy(d => d.CandidateId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).First());
        var requested = (await db.ContactRequests.Where(r => r.VacancyId == vacancyId).Select(r => r.CandidateId).ToListAsync(ct)).ToHashSet();
        var shared = (await db.Consents.Where(c => ids.Contains(c.CandidateId) && c.EmployerId == employerId
                && c.Purpose == ConsentPurpose.ShareIdentityWithEmployer && c.RevokedAt == null)
            .Select(c => c.CandidateId).ToListAsync(ct)).ToHashSet();

        var explanations = rows.ToDictionary(r => r.CandidateId, r => Explanation.Parse(r.ExplanationJson));
        var labels = await SkillLabelsAsync(db, explanations.Values.SelectMany(e => e.AllSkills).Concat(vacancy.Essential.Select(id => new SkillRef(null, id, null))), ct);

        var cards = new List<ShortlistCard>(rows.Count);
        foreach (var row in rows)
        {
            var explanation = explanations[row.CandidateId];
            var held = heldEssential[row.CandidateId].ToHashSet();
            var fromProfile = explanation.MatchedEssential.Count + explanation.MissingEssential.Count == 0;
            var matched = fromProfile ? vacancy.Essential.Where(held.Contains).Select(id => new SkillRef(null, id, null)).ToList() : explanation.MatchedEssential;
            var missing = fromProfile ? vacancy.Essential.Where(id => !held.Contains(id)).Select(id => new SkillRef(null, id, null)).ToList() : explanation.MissingEssential;
            var coverage = explanation.Coverage
                ?? (matched.Count + missing.Count > 0 ? (double)matched.Count / (matched.Count + missing.Count) : null);
            var languages = explanation.Languages.Count > 0
                ? explanation.Languages
                : vacancy.Languages.Select(l =>
                {
                    var actual = spoken[row.CandidateId].Where(s => s.Code == l.Code).Select(s => (CefrLevel?)s.Level).Max();
                    return new LanguageCheck(l.Code, l.MinLevel, actual, actual >= l.MinLevel);
                }).ToList();
            var distance = explanation.DistanceKm
                ?? (vacancy is { Latitude: { } vlat, Longitude: { } vlon } && row is { Latitude: { } clat, Longitude: { } clon }
                    ? Geo.DistanceKm(vlat, vlon, clat, clon) : null);
            var decision = steps.GetValueOrDefault(row.CandidateId);
            cards.Add(new ShortlistCard(
                row.CandidateId, row.PublicNumber, row.Rank, row.Score,
                matched.Select(s => Label(labels, s)).ToList(), missing.Select(s => Label(labels, s)).ToList(),
                explanation.Transferable.Select(s => Label(labels, s)).ToList(),
                languages, distance, row.AvailableFrom ?? explanation.AvailableFrom, coverage, explanation.Contributions,
                decision?.Step, decision?.Reason, requested.Contains(row.CandidateId), shared.Contains(row.CandidateId)));
        }

        var filtered = cards.Where(c => Keep(c, filters, spoken[c.CandidateId].Select(s => s.Code))).ToList();
        return new Shortlist(run, cards.Count, filtered);
    }

    private static bool Keep(ShortlistCard card, ShortlistFilters filters, IEnumerable<string> spokenCodes) =>
        (filters.MaxDistanceKm is not { } max || card.DistanceKm <= max)
        && (string.IsNullOrEmpty(filters.Language)
            || card.Languages.Any(l => l.Code == filters.Language && l.Ok != false && l.Actual is not null)
            || (card.Languages.All(l => l.Code != filters.Language) && spokenCodes.Contains(filters.Language)))
        && (filters.AvailableBy is not { } by || card.AvailableFrom is null || card.AvailableFrom <= by)
        && (filters.MinCoverage is not { } min || card.Coverage * 100 >= min - 1e-9)
        && (filters.Step is not { } step || card.Step == step);

    private static string Label(IReadOnlyDictionary<string, string> labels, SkillRef skill) =>
        (skill.Uri is { } uri && labels.TryGetValue(uri, out var byUri) ? byUri : null)
        ?? (skill.Id is { } id && labels.TryGetValue("#" + id, out var byId) ? byId : null)
        ?? skill.Label ?? skill.Uri ?? Display.Missing;

    /// <summary>Labels in the UI language, keyed by URI and by "#id".</summary>
    private static async Task<IReadOnlyDictionary<string, string>> SkillLabelsAsync(MatchingDbContext db, IEnumerable<SkillRef> skills, CancellationToken ct)
    {
        var list = skills.ToList();
        var uris = list.Select(s => s.Uri).OfType<string>().Distinct().ToList();
        var ids = list.Select(s => s.Id).OfType<int>().Distinct().ToList();
        if (uris.Count == 0 && ids.Count == 0) return new Dictionary<string, string>();
        var found = await db.Skills.AsNoTracking().Where(s => uris.Contains(s.Uri) || ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Uri, s.LabelEn, s.LabelFr }).ToListAsync(ct);
        var labels = new Dictionary<string, string>();
        foreach (var skill in found)
        {
            var label = Display.Occupation(skill.LabelEn, skill.LabelFr, null);
            labels[skill.Uri] = label;
            labels["#" + skill.Id] = label;
        }
        return labels;
    }
}
