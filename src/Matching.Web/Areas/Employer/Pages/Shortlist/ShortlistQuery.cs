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

public sealed record Shortlist(ShortlistRun? Run, int Total, IReadOnlyList<ShortlistCard> Cards)
{
    public string VacancyTitle { get; init; } = "";
}

/// <summary>
/// Reads a vacancy's shortlist from the latest published run that scored it. What the explanation JSON says wins;
/// missing parts are filled from the profile (distance between cities, availability, essential skills held).
/// Two round trips: the vacancy with its latest run, then every card with its decision, contact request and consent
/// (a third and fourth only when explanations lack skills or languages, or the language filter is on). Nothing is
/// cached but the ESCO labels: cards are personal data, read per request.
/// </summary>
public static class ShortlistQuery
{
    public static async Task<ShortlistRun?> LatestRunAsync(MatchingDbContext db, int vacancyId, CancellationToken ct) =>
        await db.MatchRuns.AsNoTracking()
            .Where(r => r.Status == MatchRunStatus.Published && db.Matches.Any(m => m.RunId == r.Id && m.VacancyId == vacancyId))
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
            .Select(r => new ShortlistRun(r.Id, r.PublishedAt, r.ModelVersion))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// The shortlist of <paramref name="vacancyId"/>, or null when <paramref name="ownVacancies"/> (the signed-in
    /// organisation's vacancies) does not contain it.
    /// </summary>
    public static async Task<Shortlist?> LoadAsync(MatchingDbContext db, SkillLabelCache skillLabels, IQueryable<Vacancy> ownVacancies,
        int vacancyId, ShortlistFilters filters, CancellationToken ct)
    {
        var vacancy = await ownVacancies.AsNoTracking().Where(v => v.Id == vacancyId)
            .Select(v => new
            {
                v.Title,
                v.EmployerId,
                Latitude = v.City != null ? (double?)v.City.Latitude : null,
                Longitude = v.City != null ? (double?)v.City.Longitude : null,
                Essential = v.Skills.Where(s => s.IsEssential).Select(s => s.SkillId).ToList(),
                Languages = v.Languages.Select(l => new { l.Code, l.MinLevel }).ToList(),
                Run = db.MatchRuns
                    .Where(r => r.Status == MatchRunStatus.Published && db.Matches.Any(m => m.RunId == r.Id && m.VacancyId == v.Id))
                    .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id)
                    .Select(r => new { r.Id, r.PublishedAt, r.ModelVersion })
                    .FirstOrDefault(),
            })
            .AsSingleQuery() // a handful of essential skills times one to three languages
            .SingleOrDefaultAsync(ct);
        if (vacancy is null) return null;
        if (vacancy.Run is null) return new Shortlist(null, 0, []) { VacancyTitle = vacancy.Title };
        var run = new ShortlistRun(vacancy.Run.Id, vacancy.Run.PublishedAt, vacancy.Run.ModelVersion);

        var essential = vacancy.Essential;
        var rows = new List<CardRow>();
        await foreach (var row in Cards(db, run.Id, vacancyId, vacancy.EmployerId).WithCancellation(ct)) rows.Add(row);

        var explanations = rows.ConvertAll(r => Explanation.Parse(r.ExplanationJson));

        // Profile facts fill what an explanation leaves out, and the language filter reads the languages spoken: the
        // engine's explanations usually say it all, so these are read only for the candidates that need them.
        var needSkills = essential.Count == 0 ? [] : rows.Where((_, i) => explanations[i].MatchedEssential.Count + explanations[i].MissingEssential.Count == 0)
            .Select(r => r.CandidateId).ToList();
        var needLanguages = rows.Where((_, i) => !string.IsNullOrEmpty(filters.Language)
                || (explanations[i].Languages.Count == 0 && vacancy.Languages.Count > 0))
            .Select(r => r.CandidateId).ToList();
        var heldEssential = (needSkills.Count == 0 ? [] : await db.CandidateSkills.AsNoTracking()
                .Where(s => needSkills.Contains(s.CandidateId) && essential.Contains(s.SkillId))
                .Select(s => new { s.CandidateId, s.SkillId }).ToListAsync(ct))
            .ToLookup(s => s.CandidateId, s => s.SkillId);
        var spoken = (needLanguages.Count == 0 ? [] : await db.CandidateLanguages.AsNoTracking()
                .Where(l => needLanguages.Contains(l.CandidateId))
                .Select(l => new { l.CandidateId, l.Code, l.Level }).ToListAsync(ct))
            .ToLookup(l => l.CandidateId, l => (l.Code, l.Level));

        var labels = await skillLabels.LabelsAsync(db,
            explanations.SelectMany(e => e.AllSkills).Select(s => (s.Uri, s.Id)).Concat(essential.Select(id => ((string?)null, (int?)id))), ct);

        var cards = new List<ShortlistCard>(rows.Count);
        var spokenCodes = new List<IEnumerable<string>>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var explanation = explanations[i];
            var fromProfile = explanation.MatchedEssential.Count + explanation.MissingEssential.Count == 0;
            var held = heldEssential[row.CandidateId];
            var matched = fromProfile ? essential.Where(held.Contains).Select(id => new SkillRef(null, id, null)).ToList() : explanation.MatchedEssential;
            var missing = fromProfile ? essential.Where(id => !held.Contains(id)).Select(id => new SkillRef(null, id, null)).ToList() : explanation.MissingEssential;
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
            cards.Add(new ShortlistCard(
                row.CandidateId, row.PublicNumber, row.Rank, row.Score,
                matched.Select(s => Label(labels, s)).ToList(), missing.Select(s => Label(labels, s)).ToList(),
                explanation.Transferable.Select(s => Label(labels, s)).ToList(),
                languages, distance, row.AvailableFrom ?? explanation.AvailableFrom, coverage, explanation.Contributions,
                row.Decision?.Step, row.Decision?.Reason, row.ContactRequested, row.IdentityShared));
            spokenCodes.Add(spoken[row.CandidateId].Select(s => s.Code));
        }

        var filtered = cards.Where((c, i) => Keep(c, filters, spokenCodes[i])).ToList();
        return new Shortlist(run, cards.Count, filtered) { VacancyTitle = vacancy.Title };
    }

    private sealed record DecisionRow(DecisionStep Step, RejectionReason? Reason);

    private sealed record CardRow(int CandidateId, int Rank, double Score, string ExplanationJson, int PublicNumber, DateOnly? AvailableFrom,
        double? Latitude, double? Longitude, DecisionRow? Decision, bool ContactRequested, bool IdentityShared);

    /// <summary>The run's cards for one vacancy, best first. Compiled once: EF then skips translating the query on every page.</summary>
    private static readonly Func<MatchingDbContext, int, int, int, IAsyncEnumerable<CardRow>> Cards = EF.CompileAsyncQuery(
        (MatchingDbContext db, int runId, int vacancyId, int employerId) => db.Matches.AsNoTracking()
            .Where(m => m.RunId == runId && m.VacancyId == vacancyId)
            .OrderBy(m => m.Rank)
            .Select(m => new CardRow(
                m.CandidateId, m.Rank, m.Score, m.ExplanationJson, m.Candidate!.PublicNumber, m.Candidate.AvailableFrom,
                m.Candidate.City != null ? (double?)m.Candidate.City.Latitude : null,
                m.Candidate.City != null ? (double?)m.Candidate.City.Longitude : null,
                db.Decisions.Where(d => d.VacancyId == vacancyId && d.CandidateId == m.CandidateId)
                    .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id)
                    .Select(d => new DecisionRow(d.Step, d.Reason))
                    .FirstOrDefault(),
                db.ContactRequests.Any(r => r.VacancyId == vacancyId && r.CandidateId == m.CandidateId),
                db.Consents.Any(c => c.CandidateId == m.CandidateId && c.EmployerId == employerId
                    && c.Purpose == ConsentPurpose.ShareIdentityWithEmployer && c.RevokedAt == null))));

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
}
