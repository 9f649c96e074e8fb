using System.Diagnostics;
using Matching.Core.Reference;
using Npgsql;

namespace Matching.Data.Import;

/// <summary>Writes Morocco's regions, provinces, communes and the city gazetteer with the ids <see cref="MoroccoGeography"/> assigns.</summary>
internal static class MoroccoImport
{
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(NpgsqlConnection connection, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var geography = MoroccoGeography.Load();
        var rows = new Dictionary<string, int>
        {
            ["regions"] = await BinaryCopy.WriteAsync(connection, "regions", "id, code, name_fr, name_ar, name_en", geography.Regions,
                r => [r.Id, r.Code, r.NameFr, r.NameAr, r.NameEn], ct),
            ["provinces"] = await BinaryCopy.WriteAsync(connection, "provinces", "id, code, region_id, name_fr, name_ar, kind", geography.Provinces,
                p => [p.Id, p.Code, p.RegionId, p.NameFr, p.NameAr, p.Kind], ct),
            ["communes"] = await BinaryCopy.WriteAsync(connection, "communes", "id, code, province_id, name_fr, name_ar, kind", geography.Communes,
                c => [c.Id, c.Code, c.ProvinceId, c.NameFr, c.NameAr, c.Kind], ct),
            ["cities"] = await BinaryCopy.WriteAsync(connection, "cities", "id, name, name_ar, region_id, latitude, longitude", geography.Cities,
                c => [c.Id, c.Name, c.NameAr, c.RegionId, c.Latitude, c.Longitude], ct),
        };
        foreach (var table in rows.Keys)
            await BinaryCopy.ResetIdentityAsync(connection, table, ct);
        log.WriteLine($"morocco: wrote {string.Join(", ", rows.Select(r => $"{r.Value} {r.Key}"))} in {clock.Elapsed.TotalSeconds:0.0} s.");
        return rows;
    }
}
