using System.Text.Json.Nodes;
using Matching.Core.Domain;
using Matching.Core.Reference;

namespace Matching.Core.Engine;

/// <summary>
/// A titles-and-places-only evaluation set built from the ESCO taxonomy, shaped like real CV-to-job interactions
/// (candidates: past job titles and a place; vacancies: a title and a place). Each candidate aims at one occupation;
/// their past titles are alternative labels of that occupation or of others in the same ISCO unit group, written the
/// way people write them (seniority words, suffixes, casing). Relevance: 2 when the vacancy is the candidate's
/// occupation in the same town, 1 when it is another occupation of the same ISCO unit group in the same town.
/// Titles are drawn only from "held-out" alternative labels (<see cref="IsHeldOut"/>), so an evaluation can use a
/// linker that never saw them (<see cref="LinkerOccupations"/>) and has to generalise, as on real data.
/// </summary>
public sealed class TitlesOnlyWorld
{
    /// <summary>Towns in and outside Morocco, with a region for the foreign ones (names only: no coordinates are written).</summary>
    public static IReadOnlyList<(string City, string? Region, string Country)> Towns { get; } =
    [
        ("Casablanca", null, "Morocco"), ("Rabat", null, "Morocco"), ("Tanger", null, "Morocco"), ("Marrakech", null, "Morocco"),
        ("Fès", null, "Morocco"), ("Agadir", null, "Morocco"), ("Austin", "TX", "US"), ("Houston", "TX", "US"),
        ("Chicago", "IL", "US"), ("London", "England", "UK"), ("Manchester", "England", "UK"), ("Toronto", "ON", "Canada"),
    ];

    private static readonly string[] Prefixes = ["", "", "", "Senior ", "Junior ", "Lead ", "Trainee ", "Assistant "];
    private static readonly string[] Suffixes = ["", "", "", " (m/f)", " - full time", " II", " / part-time", " - night shift"];

    private readonly Random _random;
    private readonly List<(int Occupation, string[] Titles)> _market = [];
    private readonly Dictionary<int, List<int>> _byUnit = [];

    /// <summary>A market of occupations from ISCO unit groups holding at least two occupations with held-out labels.</summary>
    public TitlesOnlyWorld(TaxonomyGraph graph, EscoTaxonomy esco, int seed, int unitGroups = 40)
    {
        _random = new Random(seed);
        var titled = esco.Occupations
            .Select(o => (Id: graph.OccupationByUri.GetValueOrDefault(o.Uri, -1), Titles: o.AltLabelsEn.Where(IsHeldOut).Distinct().ToArray()))
            .Where(o => o.Id >= 0 && o.Titles.Length >= 2 && graph.OccupationIsco[o.Id] / 1000 is >= 2 and <= 9)
            .ToList();
        var units = titled.GroupBy(o => graph.OccupationIsco[o.Id]).Where(g => g.Count() >= 2)
            .OrderBy(g => g.Key).ToList().OrderBy(_ => _random.Next()).Take(unitGroups);
        foreach (var unit in units)
            foreach (var o in unit.OrderBy(o => o.Id).Take(5))
            {
                _byUnit.TryAdd(graph.OccupationIsco[o.Id], []);
                _byUnit[graph.OccupationIsco[o.Id]].Add(_market.Count);
                _market.Add((o.Id, o.Titles));
            }
        Graph = graph;
    }

    public TaxonomyGraph Graph { get; }

    /// <summary>Number of occupations in the market.</summary>
    public int OccupationCount => _market.Count;

    /// <summary>
    /// Half of the alternative labels, chosen by a stable hash of the folded label: these are the titles of the set
    /// and are left out of the evaluation's linker.
    /// </summary>
    public static bool IsHeldOut(string label)
    {
        uint hash = 2166136261;
        foreach (var c in TextTokens.Fold(label).Trim()) hash = (hash ^ c) * 16777619;
        return hash % 2 == 0;
    }

    /// <summary>The occupations with their held-out alternative labels removed (for a linker that has not seen the set's titles).</summary>
    public static List<Occupation> LinkerOccupations(IEnumerable<Occupation> occupations) =>
        occupations.Select(o => new Occupation
        {
            Uri = o.Uri, Code = o.Code, IscoCode = o.IscoCode, LabelEn = o.LabelEn, LabelFr = o.LabelFr,
            LabelAr = o.LabelAr, DescriptionEn = o.DescriptionEn,
            AltLabelsEn = o.AltLabelsEn.Where(l => !IsHeldOut(l)).ToList(),
            AltLabelsFr = o.AltLabelsFr.Where(l => !IsHeldOut(l)).ToList(),
        }).ToList();

    /// <summary>Writes candidates.jsonl, vacancies.jsonl and decisions.jsonl (graded relevance) and returns the counts.</summary>
    public (int Candidates, int Vacancies, int Decisions) Write(int candidateCount, int vacancyCount, TextWriter candidates, TextWriter vacancies, TextWriter decisions, DateOnly decidedOn)
    {
        var target = new (int Market, int Town)[candidateCount];
        for (var i = 0; i < candidateCount; i++)
        {
            var m = _random.Next(_market.Count);
            var town = _random.Next(Towns.Count);
            target[i] = (m, town);
            var experiences = new JsonArray();
            for (var j = 1 + _random.Next(3); j > 0; j--)
            {
                var roll = _random.NextDouble();
                var source = roll < 0.55 ? m : roll < 0.85 ? SameUnit(m) : _random.Next(_market.Count);
                var job = new JsonObject { ["title"] = Written(Pick(_market[source].Titles)) };
                if (_random.NextDouble() < 0.5) job["location"] = PlaceText(_random.NextDouble() < 0.8 ? town : _random.Next(Towns.Count));
                experiences.Add(job);
            }
            var candidate = new JsonObject { ["id"] = $"c{i}", ["experiences"] = experiences };
            if (_random.NextDouble() < 0.9) candidate["location"] = PlaceObject(town);
            candidates.WriteLine(candidate.ToJsonString());
        }

        var written = 0;
        for (var v = 0; v < vacancyCount; v++)
        {
            var m = _random.Next(_market.Count);
            var town = _random.Next(Towns.Count);
            vacancies.WriteLine(new JsonObject { ["id"] = $"v{v}", ["title"] = Written(Pick(_market[m].Titles)), ["location"] = PlaceObject(town) }.ToJsonString());
            for (var i = 0; i < candidateCount; i++)
            {
                if (target[i].Town != town) continue;
                var grade = target[i].Market == m ? 2 : Graph.OccupationIsco[_market[target[i].Market].Occupation] == Graph.OccupationIsco[_market[m].Occupation] ? 1 : 0;
                if (grade == 0) continue;
                decisions.WriteLine(new JsonObject { ["candidateId"] = $"c{i}", ["vacancyId"] = $"v{v}", ["grade"] = grade, ["decidedAt"] = decidedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }.ToJsonString());
                written++;
            }
        }
        return (candidateCount, vacancyCount, written);
    }

    private int SameUnit(int m)
    {
        var unit = _byUnit[Graph.OccupationIsco[_market[m].Occupation]];
        return unit[_random.Next(unit.Count)];
    }

    private string Pick(string[] titles) => titles[_random.Next(titles.Length)];

    private string Written(string label)
    {
        var title = Prefixes[_random.Next(Prefixes.Length)] + label + Suffixes[_random.Next(Suffixes.Length)];
        var casing = _random.NextDouble();
        return casing < 0.1 ? title.ToUpperInvariant() : casing < 0.5 ? System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title) : title;
    }

    private JsonObject PlaceObject(int town)
    {
        var (city, region, country) = Towns[town];
        var o = new JsonObject { ["city"] = city };
        if (_random.NextDouble() < 0.5 && region is not null) o["region"] = region;
        if (_random.NextDouble() < 0.5) o["country"] = country;
        return o;
    }

    private JsonNode PlaceText(int town) => Towns[town].Region is { } region ? $"{Towns[town].City}, {region}" : Towns[town].City;
}
