using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Vacancies;

/// <summary>
/// Before publishing: how many active candidates who consented to matching would be in reach of this vacancy
/// (at least one essential skill, or the occupation's ISCO unit group wanted or held before; within their mobility
/// radius of the place), and which essential skills most of them lack.
/// </summary>
public static class MarketPreview
{
    public sealed record LimitingSkill(int SkillId, string Label, int Lacking);

    public sealed record Result(int Pool, int WithAllEssential, int EssentialCount, IReadOnlyList<LimitingSkill> Limiting);

    public const int LimitingShown = 5;

    public static async Task<Result> ComputeAsync(MatchingDbContext db, int vacancyId, CancellationToken ct)
    {
        var vacancy = await db.Vacancies.AsNoTracking().Where(v => v.Id == vacancyId)
            .Select(v => new
            {
                v.Kind,
                Isco = v.Occupation != null ? v.Occupation.IscoCode : null,
                Latitude = v.City != null ? (double?)v.City.Latitude : null,
                Longitude = v.City != null ? (double?)v.City.Longitude : null,
                RegionId = v.City != null ? (int?)v.City.RegionId : null,
                Essential = v.Skills.Where(s => s.IsEssential).Select(s => s.SkillId).ToList(),
            })
            .SingleAsync(ct);
        var wants = (OpportunityKinds)(int)vacancy.Kind;
        var essential = vacancy.Essential;
        var isco = vacancy.Isco;

        var reachable = await db.Candidates.AsNoTracking()
            .Where(c => c.IsActive && (c.Wants & wants) != 0)
            .Where(c => c.Consents.Any(k => k.Purpose == ConsentPurpose.Matching && k.RevokedAt == null))
            .Where(c => c.Skills.Any(s => essential.Contains(s.SkillId))
                || (isco != null && (c.DesiredOccupations.Any(d => d.Occupation!.IscoCode == isco)
                    || c.Experiences.Any(e => e.Occupation != null && e.Occupation.IscoCode == isco))))
            .Select(c => new
            {
                c.Id,
                c.MobilityKm,
                c.RegionId,
                Latitude = c.City != null ? (double?)c.City.Latitude : null,
                Longitude = c.City != null ? (double?)c.City.Longitude : null,
                CityRegionId = c.City != null ? (int?)c.City.RegionId : null,
            })
            .ToListAsync(ct);

        var pool = reachable.Where(c =>
            vacancy is { Latitude: { } lat, Longitude: { } lon } && c is { Latitude: { } clat, Longitude: { } clon }
                ? Geo.DistanceKm(lat, lon, clat, clon) <= c.MobilityKm
                : vacancy.RegionId is null || (c.CityRegionId ?? c.RegionId) is null || (c.CityRegionId ?? c.RegionId) == vacancy.RegionId)
            .Select(c => c.Id).ToList();

        if (essential.Count == 0 || pool.Count == 0) return new Result(pool.Count, pool.Count, essential.Count, []);

        var held = await db.CandidateSkills.AsNoTracking()
            .Where(s => pool.Contains(s.CandidateId) && essential.Contains(s.SkillId))
            .Select(s => new { s.CandidateId, s.SkillId })
            .ToListAsync(ct);
        var withAll = held.GroupBy(h => h.CandidateId).Count(g => g.Select(h => h.SkillId).Distinct().Count() == essential.Count);
        var holders = held.GroupBy(h => h.SkillId).ToDictionary(g => g.Key, g => g.Count());
        var worst = essential
            .Select(id => (Id: id, Lacking: pool.Count - holders.GetValueOrDefault(id)))
            .Where(s => s.Lacking > 0)
            .OrderByDescending(s => s.Lacking).ThenBy(s => s.Id)
            .Take(LimitingShown).ToList();
        var worstIds = worst.Select(w => w.Id).ToList();
        var labels = await db.Skills.Where(s => worstIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => Display.Skill(s.LabelEn, s.LabelFr), ct);
        return new Result(pool.Count, withAll, essential.Count,
            worst.Select(w => new LimitingSkill(w.Id, labels.GetValueOrDefault(w.Id, Display.Missing), w.Lacking)).ToList());
    }
}

/// <summary>Great-circle distance, enough to compare with a mobility radius.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
