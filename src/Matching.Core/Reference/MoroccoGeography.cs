using System.Globalization;
using System.Text.Json;
using Matching.Core.Domain;

namespace Matching.Core.Reference;

/// <summary>
/// Morocco's regions, provinces/prefectures and communes (© 2024 Mahdi Boughrous, MIT) and the city gazetteer,
/// read from the shipped files. Ids are assigned 1..n in file order, so they are stable from one load to the next
/// and are the ids the importer stores. Every cross-reference is checked: a bad file fails with its name and line.
/// </summary>
public sealed class MoroccoGeography
{
    public required IReadOnlyList<Region> Regions { get; init; }
    public required IReadOnlyList<Province> Provinces { get; init; }
    public required IReadOnlyList<Commune> Communes { get; init; }
    public required IReadOnlyList<City> Cities { get; init; }

    public const string RegionsFile = "regions.json";
    public const string DivisionsFile = "morocco_regions_divisions_communes.csv";
    public const string CitiesFile = "cities.csv";

    /// <summary>Loads the files under <c>morocco/</c> of <see cref="ReferenceDataFiles.Root"/>.</summary>
    public static MoroccoGeography Load() => Load(Path.GetDirectoryName(ReferenceDataFiles.Morocco(RegionsFile))!);

    /// <summary>Loads regions.json, the divisions CSV and cities.csv from <paramref name="folder"/>.</summary>
    public static MoroccoGeography Load(string folder)
    {
        var regions = ReadRegions(Path.Combine(folder, RegionsFile));
        var regionIds = regions.ToDictionary(r => r.Code, r => r.Id, StringComparer.Ordinal);
        var (provinces, communes) = ReadDivisions(Path.Combine(folder, DivisionsFile), regionIds);
        var cities = ReadCities(Path.Combine(folder, CitiesFile), regionIds);
        return new MoroccoGeography { Regions = regions, Provinces = provinces, Communes = communes, Cities = cities };
    }

    private static List<Region> ReadRegions(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Reference data file {path} is missing: restore it from git (git checkout -- {Path.GetFileName(path)}).", path);
        try
        {
            // ReadAllText drops a byte-order mark, which an editor may add and the JSON parser refuses.
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var result = new List<Region>();
            foreach (var element in json.RootElement.GetProperty("regions").EnumerateArray())
            {
                var name = element.GetProperty("name");
                result.Add(new Region
                {
                    Id = result.Count + 1,
                    Code = RequiredString(element, "id"),
                    NameFr = RequiredString(name, "fr"),
                    NameAr = RequiredString(name, "ar"),
                    NameEn = RequiredString(name, "en"),
                });
            }
            if (result.Count == 0) throw new InvalidDataException("the \"regions\" array is empty");
            var duplicate = result.GroupBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new InvalidDataException($"region {duplicate.Key} appears twice");
            return result;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {e.Message.TrimEnd('.')}; the file is corrupt (expected {{\"regions\": [{{\"id\", \"name\": {{\"fr\", \"ar\", \"en\"}}}}]}}).", e);
        }
    }

    private static string RequiredString(JsonElement element, string property) =>
        element.GetProperty(property).GetString() is { Length: > 0 } value
            ? value.Trim()
            : throw new InvalidDataException($"property \"{property}\" is empty");

    private static (List<Province>, List<Commune>) ReadDivisions(string path, Dictionary<string, int> regionIds)
    {
        using var csv = CsvReader.Open(path);
        int region = csv.Column("region_id"), division = csv.Column("division_id"), divisionFr = csv.Column("division_fr"),
            divisionAr = csv.Column("division_ar"), divisionType = csv.Column("division_type"), commune = csv.Column("commune_id"),
            communeFr = csv.Column("commune_fr"), communeAr = csv.Column("commune_ar"), communeType = csv.Column("commune_type");
        var file = Path.GetFileName(path);
        var provinces = new Dictionary<string, Province>(StringComparer.Ordinal);
        var communes = new List<Commune>();
        var communeCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in csv.Records())
        {
            InvalidDataException Error(string what) => new($"{file}, line {csv.RecordLine}: {what}; the file is corrupt.");
            if (!regionIds.TryGetValue(r[region], out var regionId)) throw Error($"region '{r[region]}' is not in {RegionsFile}");
            if (r[divisionType] is not ("province" or "prefecture")) throw Error($"division type '{r[divisionType]}' is neither province nor prefecture");
            if (r[communeType] is not ("urbain" or "rural")) throw Error($"commune type '{r[communeType]}' is neither urbain nor rural");
            if (new[] { r[division], r[divisionFr], r[divisionAr], r[commune], r[communeFr], r[communeAr] }.Any(string.IsNullOrWhiteSpace)) throw Error("a code or name is empty");

            if (!provinces.TryGetValue(r[division], out var province))
            {
                province = new Province
                {
                    Id = provinces.Count + 1, Code = r[division], RegionId = regionId,
                    NameFr = r[divisionFr].Trim(), NameAr = r[divisionAr].Trim(), Kind = r[divisionType],
                };
                provinces.Add(province.Code, province);
            }
            else if (province.RegionId != regionId)
                throw Error($"division {province.Code} is listed under two regions");

            if (!communeCodes.Add(r[commune])) throw Error($"commune {r[commune]} appears twice");
            communes.Add(new Commune
            {
                Id = communes.Count + 1, Code = r[commune], ProvinceId = province.Id,
                NameFr = r[communeFr].Trim(), NameAr = r[communeAr].Trim(), Kind = r[communeType],
            });
        }
        return ([.. provinces.Values], communes);
    }

    private static List<City> ReadCities(string path, Dictionary<string, int> regionIds)
    {
        using var csv = CsvReader.Open(path);
        int name = csv.Column("name"), nameAr = csv.Column("name_ar"), region = csv.Column("region_code"), lat = csv.Column("lat"), lon = csv.Column("lon");
        var file = Path.GetFileName(path);
        var result = new List<City>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in csv.Records())
        {
            InvalidDataException Error(string what) => new($"{file}, line {csv.RecordLine}: {what}.");
            if (string.IsNullOrWhiteSpace(r[name])) throw Error("the city name is empty");
            if (!names.Add(r[name].Trim())) throw Error($"city '{r[name]}' appears twice");
            if (!regionIds.TryGetValue(r[region], out var regionId))
                throw Error($"region code '{r[region]}' of {r[name]} is unknown (use one of {string.Join(", ", regionIds.Keys)})");
            result.Add(new City
            {
                Id = result.Count + 1, Name = r[name].Trim(), NameAr = string.IsNullOrWhiteSpace(r[nameAr]) ? null : r[nameAr].Trim(), RegionId = regionId,
                Latitude = Coordinate(r[lat], MinLatitude, MaxLatitude) ?? throw Error($"latitude '{r[lat]}' of {r[name]} is not a number between {MinLatitude} and {MaxLatitude}"),
                Longitude = Coordinate(r[lon], MinLongitude, MaxLongitude) ?? throw Error($"longitude '{r[lon]}' of {r[name]} is not a number between {MinLongitude} and {MaxLongitude}"),
            });
        }
        return result;
    }

    // A box around Morocco including the southern provinces: catches swapped or sign-flipped coordinates.
    private const double MinLatitude = 20.5, MaxLatitude = 36.1, MinLongitude = -17.2, MaxLongitude = -0.9;

    private static double? Coordinate(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
}
