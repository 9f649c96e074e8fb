using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Matching.Data.Demo;

/// <summary>Thrown when the demo data cannot be generated because the reference data is not in the database.</summary>
public sealed class MissingReferenceDataException(string detail)
    : InvalidOperationException($"The reference data is missing ({detail}): import the reference data first: matching import reference.");

internal sealed record DemoCity(int Id, string Name, int RegionId, string RegionCode);

/// <summary>An ESCO occupation found in the database, with its skills ordered by URI so that draws are stable.</summary>
internal sealed record DemoOccupationRef(int Id, DemoOccupation Entry, int[] EssentialSkills, int[] OptionalSkills);

/// <summary>The reference rows the generator draws from: cities by region and the catalogue's ESCO occupations.</summary>
internal sealed class DemoReference
{
    public required IReadOnlyDictionary<string, DemoCity> CitiesByKey { get; init; }
    public required IReadOnlyList<DemoCity> AllCities { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<DemoOccupationRef>> OccupationsBySector { get; init; }

    public DemoCity? City(string name) => CitiesByKey.GetValueOrDefault(Key(name));

    public static async Task<DemoReference> LoadAsync(MatchingDbContext db, CancellationToken ct)
    {
        var cities = await db.Cities.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new DemoCity(c.Id, c.Name, c.RegionId, c.Region!.Code))
            .ToListAsync(ct);
        if (cities.Count == 0) throw new MissingReferenceDataException("no cities");

        var uris = DemoCatalogue.Sectors.SelectMany(s => s.Occupations).Select(o => o.Uri).Distinct().ToList();
        var occupations = await db.Occupations.AsNoTracking()
            .Where(o => uris.Contains(o.Uri))
            .Select(o => new { o.Id, o.Uri })
            .ToDictionaryAsync(o => o.Uri, o => o.Id, ct);
        if (occupations.Count == 0) throw new MissingReferenceDataException("no ESCO occupations");

        var ids = occupations.Values.ToList();
        var relations = await db.OccupationSkills.AsNoTracking()
            .Where(r => ids.Contains(r.OccupationId))
            .Select(r => new { r.OccupationId, r.SkillId, r.IsEssential, r.Skill!.Uri })
            .ToListAsync(ct);
        var skillsByOccupation = relations
            .GroupBy(r => r.OccupationId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Uri, StringComparer.Ordinal).ToList());

        var bySector = new Dictionary<string, IReadOnlyList<DemoOccupationRef>>();
        foreach (var sector in DemoCatalogue.Sectors)
        {
            var found = new List<DemoOccupationRef>();
            foreach (var entry in sector.Occupations)
            {
                if (!occupations.TryGetValue(entry.Uri, out var id)) continue;
                var skills = skillsByOccupation.GetValueOrDefault(id) ?? [];
                found.Add(new DemoOccupationRef(id, entry,
                    skills.Where(s => s.IsEssential).Select(s => s.SkillId).ToArray(),
                    skills.Where(s => !s.IsEssential).Select(s => s.SkillId).ToArray()));
            }
            if (found.Count == 0) throw new MissingReferenceDataException($"no ESCO occupation of the sector '{sector.Key}'");
            bySector[sector.Key] = found;
        }

        return new DemoReference
        {
            CitiesByKey = cities.GroupBy(c => Key(c.Name)).ToDictionary(g => g.Key, g => g.First()),
            AllCities = cities,
            OccupationsBySector = bySector,
        };
    }

    /// <summary>City names are compared without accents or case ("Fès" = "Fes", "Aït Melloul" = "Ait Melloul").</summary>
    public static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
