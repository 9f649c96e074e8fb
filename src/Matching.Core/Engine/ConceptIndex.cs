namespace Matching.Core.Engine;

/// <summary>
/// Inverted index from concept keys (linked occupation, ISCO unit and minor group, declared or essential skill,
/// place name, map cell, title word) to the items holding them. A query adds up <c>weight × idf</c> over shared keys
/// and keeps the best few items, so only a small share of all pairs is ever scored. Immutable and thread-safe.
/// </summary>
public sealed class ConceptIndex
{
    private readonly Dictionary<long, int[]> _postings;
    private readonly Dictionary<long, float> _idf;
    private readonly Dictionary<string, int> _places;

    /// <summary>Kinds of keys; the kind sits in the high bits of a key.</summary>
    internal enum KeyKind : long { Occupation = 1, Isco4 = 2, Isco3 = 3, Skill = 4, Place = 5, Cell = 6, Token = 7 }

    private ConceptIndex(Dictionary<long, int[]> postings, Dictionary<string, int> places, int count)
    {
        _postings = postings;
        _places = places;
        Count = count;
        _idf = postings.ToDictionary(p => p.Key, p => (float)Math.Log(1 + (double)count / p.Value.Length));
    }

    /// <summary>Number of indexed items.</summary>
    public int Count { get; }

    internal static long Key(KeyKind kind, long value) => ((long)kind << 48) | (value & 0xFFFF_FFFF_FFFF);

    internal static KeyKind KindOf(long key) => (KeyKind)(key >> 48);

    /// <summary>Builds the index from each item's keys (as produced by <see cref="ConceptKeys"/>).</summary>
    internal static ConceptIndex Build(IReadOnlyList<IEnumerable<long>> itemKeys, Dictionary<string, int> places)
    {
        var lists = new Dictionary<long, List<int>>();
        for (var item = 0; item < itemKeys.Count; item++)
            foreach (var key in itemKeys[item].Distinct())
            {
                if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
                list.Add(item);
            }
        return new ConceptIndex(lists.ToDictionary(p => p.Key, p => p.Value.ToArray()), places, itemKeys.Count);
    }

    /// <summary>The index's id for a folded place name, or -1 when no indexed item is there.</summary>
    internal int PlaceId(string? placeKey) => placeKey is not null && _places.TryGetValue(placeKey, out var id) ? id : -1;

    /// <summary>
    /// Adds <c>weight × idf</c> to <paramref name="accumulator"/> for every item sharing a query key, recording
    /// each newly reached item in <paramref name="touched"/>. Keys held by more than <paramref name="maxPostingShare"/>
    /// of the items are skipped: they barely discriminate and would cost most of the time.
    /// </summary>
    internal void Accumulate(IEnumerable<(long Key, float Weight)> query, float[] accumulator, List<int> touched, double maxPostingShare)
    {
        var maxLength = Math.Max(1000, (int)(Count * maxPostingShare));
        foreach (var (key, weight) in query)
        {
            if (!_postings.TryGetValue(key, out var items)) continue;
            if (items.Length > maxLength && KindOf(key) is not (KeyKind.Place or KeyKind.Cell)) continue;
            var add = weight * _idf[key];
            foreach (var item in items)
            {
                if (accumulator[item] == 0) touched.Add(item);
                accumulator[item] += add;
            }
        }
    }
}

/// <summary>The keys a profile is indexed under, and the weighted keys it queries with.</summary>
internal static class ConceptKeys
{
    private const double CellDegrees = 0.5;
    private const float OccupationWeight = 3f, Isco4Weight = 2f, Isco3Weight = 1f, SkillsWeight = 4f, PlaceWeight = 1f,
        CellWeight = 0.5f, TokensWeight = 3f;

    public static IEnumerable<(long Key, float Weight)> ForCandidate(TaxonomyGraph graph, PreparedCandidate c, Func<string?, int> placeId)
    {
        var occupations = c.Profile.DesiredOccupations.Concat(c.Profile.Experiences.Select(e => e.Occupation)).Where(o => o >= 0).Distinct().ToList();
        var skills = c.Profile.Skills.Select(s => s.Skill).Where(s => IsSpecific(graph, s)).Distinct().ToList();
        return Common(graph, occupations, skills, c.Profile.Location, c.PlaceKey, c.TitleVector, placeId);
    }

    public static IEnumerable<(long Key, float Weight)> ForVacancy(TaxonomyGraph graph, PreparedVacancy v, Func<string?, int> placeId)
    {
        int[] occupations = v.Profile.Occupation >= 0 ? [v.Profile.Occupation] : [];
        var skills = v.Essential.Where(s => IsSpecific(graph, s)).ToList();
        return Common(graph, occupations, skills, v.Profile.Location, v.PlaceKey, v.TitleVector, placeId);
    }

    private static IEnumerable<(long, float)> Common(TaxonomyGraph graph, IReadOnlyList<int> occupations, List<int> skills,
        GeoPlace place, string? placeKey, SparseVector title, Func<string?, int> placeId)
    {
        foreach (var o in occupations)
        {
            yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Occupation, o), OccupationWeight);
            var isco = graph.OccupationIsco[o];
            if (isco <= 0) continue;
            yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Isco4, isco), Isco4Weight);
            yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Isco3, isco / 10), Isco3Weight);
        }
        var perSkill = SkillsWeight / Math.Max(skills.Count, 4);
        foreach (var s in skills) yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Skill, s), perSkill);
        if (placeId(placeKey) is var p and >= 0) yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Place, p), PlaceWeight);
        if (place.HasCoordinates) yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Cell, Cell(place.Latitude!.Value, place.Longitude!.Value)), CellWeight);
        for (var i = 0; i < title.Ids.Length; i++)
            yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Token, title.Ids[i]), TokensWeight * title.Values[i]);
    }

    /// <summary>The query side also looks in the eight neighbouring map cells, so a nearby town is not missed.</summary>
    public static IEnumerable<(long Key, float Weight)> WithNeighbourCells(IEnumerable<(long Key, float Weight)> keys)
    {
        foreach (var (key, weight) in keys)
        {
            yield return (key, weight);
            if (ConceptIndex.KindOf(key) != ConceptIndex.KeyKind.Cell) continue;
            var cell = key & 0xFFFF_FFFF_FFFF;
            long row = cell >> 16, column = cell & 0xFFFF;
            for (var dr = -1; dr <= 1; dr++)
                for (var dc = -1; dc <= 1; dc++)
                    if (dr != 0 || dc != 0)
                        yield return (ConceptIndex.Key(ConceptIndex.KeyKind.Cell, ((row + dr) << 16) | (column + dc)), weight * 0.6f);
        }
    }

    private static long Cell(double lat, double lon)
    {
        long row = (long)Math.Floor((lat + 90) / CellDegrees), column = (long)Math.Floor((lon + 180) / CellDegrees);
        return (row << 16) | column;
    }

    /// <summary>Transversal skills (teamwork, languages…) are held by nearly everyone: useless for narrowing.</summary>
    private static bool IsSpecific(TaxonomyGraph graph, int skill) =>
        skill >= 0 && skill < graph.SkillCount && graph.SkillReuse[skill] != Domain.ReuseLevel.Transversal;
}
