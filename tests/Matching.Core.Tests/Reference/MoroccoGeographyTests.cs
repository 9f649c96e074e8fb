using System.Globalization;
using System.Text;
using Matching.Core.Reference;

namespace Matching.Core.Tests.Reference;

public sealed class MoroccoGeographyTests : IDisposable
{
    private static readonly Lazy<MoroccoGeography> Shipped = new(MoroccoGeography.Load);
    private readonly string _folder = Directory.CreateTempSubdirectory("morocco-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Loads_the_shipped_regions_divisions_and_communes()
    {
        var g = Shipped.Value;
        Assert.Equal(12, g.Regions.Count);
        Assert.Equal(64, g.Provinces.Count);
        Assert.Equal(881, g.Communes.Count);
        var rabatSale = g.Regions.Single(r => r.Code == "REGION_10");
        Assert.Equal("Rabat-Salé-Kénitra", rabatSale.NameFr);
        Assert.False(string.IsNullOrEmpty(rabatSale.NameAr));
        var casablanca = g.Provinces.Single(p => p.NameFr == "Casablanca");
        Assert.Equal("prefecture", casablanca.Kind);
        Assert.Equal("REGION_02", g.Regions.Single(r => r.Id == casablanca.RegionId).Code);
        Assert.All(g.Communes, c => Assert.Contains(c.Kind, new[] { "urbain", "rural" }));
        Assert.Equal(Enumerable.Range(1, g.Communes.Count), g.Communes.Select(c => c.Id));
    }

    [Theory]
    [InlineData("Rabat"), InlineData("Salé"), InlineData("Kénitra"), InlineData("Témara"), InlineData("Skhirate"), InlineData("Sidi Kacem")]
    [InlineData("Sidi Slimane"), InlineData("Khémisset"), InlineData("Casablanca"), InlineData("Mohammedia"), InlineData("El Jadida")]
    [InlineData("Settat"), InlineData("Berrechid"), InlineData("Benslimane"), InlineData("Tanger"), InlineData("Tétouan"), InlineData("Al Hoceïma")]
    [InlineData("Larache"), InlineData("Ksar El Kébir"), InlineData("Chefchaouen"), InlineData("Fnideq"), InlineData("M'diq"), InlineData("Oujda")]
    [InlineData("Nador"), InlineData("Berkane"), InlineData("Taourirt"), InlineData("Driouch"), InlineData("Fès"), InlineData("Meknès")]
    [InlineData("Taza"), InlineData("Ifrane"), InlineData("Sefrou"), InlineData("Agadir"), InlineData("Inezgane"), InlineData("Aït Melloul")]
    [InlineData("Tiznit"), InlineData("Taroudant"), InlineData("Biougra"), InlineData("Marrakech"), InlineData("Safi"), InlineData("Essaouira")]
    [InlineData("El Kelaâ des Sraghna"), InlineData("Youssoufia"), InlineData("Béni Mellal"), InlineData("Khouribga"), InlineData("Fquih Ben Salah")]
    [InlineData("Laâyoune"), InlineData("Dakhla"), InlineData("Guelmim"), InlineData("Errachidia"), InlineData("Ouarzazate"), InlineData("Midelt")]
    public void The_gazetteer_has_each_city_the_programmes_serve(string name)
    {
        var city = Assert.Single(Shipped.Value.Cities, c => c.Name == name);
        Assert.False(string.IsNullOrEmpty(city.NameAr));
    }

    [Fact]
    public void Each_city_lies_in_the_region_of_the_commune_or_division_bearing_its_name()
    {
        var g = Shipped.Value;
        var regionOfProvince = g.Provinces.ToDictionary(p => p.Id, p => p.RegionId);
        var checkedCities = 0;
        foreach (var city in g.Cities)
        {
            var regions = g.Communes.Where(c => Fold(c.NameFr) == Fold(city.Name)).Select(c => regionOfProvince[c.ProvinceId])
                .Concat(g.Provinces.Where(p => Fold(p.NameFr).Contains(Fold(city.Name), StringComparison.Ordinal)).Select(p => p.RegionId))
                .Distinct().ToList();
            if (regions.Count == 0) continue; // the divisions file covers 64 of 75 provinces
            Assert.True(regions.SequenceEqual([city.RegionId]), $"{city.Name} is in region {city.RegionId} but its namesake lies in {string.Join(",", regions)}");
            checkedCities++;
        }
        Assert.True(checkedCities >= 45, $"only {checkedCities} cities could be checked against the divisions file");
    }

    [Fact]
    public void Cities_far_apart_have_plausible_coordinates()
    {
        var cities = Shipped.Value.Cities.ToDictionary(c => c.Name);
        // Great-circle distances known to within a few km: Rabat–Casablanca ≈ 87 km, Tanger–Dakhla ≈ 1,660 km.
        Assert.InRange(Kilometres(cities["Rabat"], cities["Casablanca"]), 80, 95);
        Assert.InRange(Kilometres(cities["Tanger"], cities["Dakhla"]), 1600, 1720);
    }

    [Fact]
    public void A_city_with_an_unknown_region_code_names_the_file_line_and_code()
    {
        WriteFiles(cities: "name,name_ar,region_code,lat,lon\nRabat,الرباط,REGION_01,34.02,-6.84\nAtlantis,,REGION_99,33.0,-7.0\n");
        var e = Assert.Throws<InvalidDataException>(() => MoroccoGeography.Load(_folder));
        Assert.Contains("cities.csv, line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("REGION_99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinates_outside_morocco_are_refused()
    {
        WriteFiles(cities: "name,name_ar,region_code,lat,lon\nRabat,,REGION_01,-6.84,34.02\n");
        var e = Assert.Throws<InvalidDataException>(() => MoroccoGeography.Load(_folder));
        Assert.Contains("latitude", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_regions_json_is_reported_as_corrupt_data_naming_the_file()
    {
        WriteFiles(regions: "{\"regions\": [{\"id\": \"REGION_01\", \"name\": {\"fr\": \"Béni");
        var e = Assert.Throws<InvalidDataException>(() => MoroccoGeography.Load(_folder));
        Assert.StartsWith("regions.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_division_listed_under_two_regions_is_refused()
    {
        WriteFiles(divisions: DivisionsHeader
            + "REGION_01,Béni Mellal-Khénifra,ب,Béni Mellal-Khénifra,DIV_005,Azilal,أ,province,COM_0001,Afourar,أ,urbain\n"
            + "REGION_02,Casablanca-Settat,ب,Casablanca-Settat,DIV_005,Azilal,أ,province,COM_0002,Anzou,أ,rural\n");
        var e = Assert.Throws<InvalidDataException>(() => MoroccoGeography.Load(_folder));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("DIV_005", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_valid_files_load_with_ids_in_file_order()
    {
        WriteFiles();
        var g = MoroccoGeography.Load(_folder);
        Assert.Equal(["REGION_01", "REGION_02"], g.Regions.Select(r => r.Code));
        Assert.Equal([1, 2], g.Regions.Select(r => r.Id));
        var province = Assert.Single(g.Provinces);
        Assert.Equal((1, "DIV_005", "province"), (province.RegionId, province.Code, province.Kind));
        Assert.Equal(province.Id, Assert.Single(g.Communes).ProvinceId);
        var city = Assert.Single(g.Cities);
        Assert.Equal((2, 33.5731, -7.5898), (city.RegionId, city.Latitude, city.Longitude));
    }

    private const string DivisionsHeader =
        "region_id,region_fr,region_ar,region_en,division_id,division_fr,division_ar,division_type,commune_id,commune_fr,commune_ar,commune_type\n";

    private void WriteFiles(string? regions = null, string? divisions = null, string? cities = null)
    {
        File.WriteAllText(Path.Combine(_folder, MoroccoGeography.RegionsFile), regions ?? """
            {"regions": [
              {"id": "REGION_01", "name": {"ar": "بني ملال خنيفرة", "en": "Béni Mellal-Khénifra", "fr": "Béni Mellal-Khénifra"}},
              {"id": "REGION_02", "name": {"ar": "الدار البيضاء سطات", "en": "Casablanca-Settat", "fr": "Casablanca-Settat"}}
            ]}
            """, Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, MoroccoGeography.DivisionsFile), divisions ?? DivisionsHeader
            + "REGION_01,Béni Mellal-Khénifra,بني ملال خنيفرة,Béni Mellal-Khénifra,DIV_005,Azilal,أزيلال,province,COM_0012,Afourar,أفورار,urbain\n",
            Encoding.UTF8);
        File.WriteAllText(Path.Combine(_folder, MoroccoGeography.CitiesFile), cities ?? "name,name_ar,region_code,lat,lon\nCasablanca,الدار البيضاء,REGION_02,33.5731,-7.5898\n",
            Encoding.UTF8);
    }

    private static string Fold(string name) =>
        new string(name.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Replace('-', ' ').ToLowerInvariant();

    private static double Kilometres(Matching.Core.Domain.City a, Matching.Core.Domain.City b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(b.Latitude - a.Latitude) / 2), 2)
            + Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(Radians(b.Longitude - a.Longitude) / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }
}
