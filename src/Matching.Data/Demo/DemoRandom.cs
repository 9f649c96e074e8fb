namespace Matching.Data.Demo;

/// <summary>Draws from a seeded <see cref="Random"/>; every draw order is fixed so that one seed gives one data set.</summary>
internal static class DemoRandom
{
    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    public static T PickWeighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items) total += weight;
        var x = rng.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            if (x < weight) return item;
            x -= weight;
        }
        return items[^1].Item;
    }

    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    /// <summary>An integer in [min, max], both included.</summary>
    public static int Between(this Random rng, int min, int max) => rng.Next(min, max + 1);

    /// <summary>An integer in [min, max] biased towards min (power &gt; 1 skews harder).</summary>
    public static int Skewed(this Random rng, int min, int max, double power) =>
        min + (int)Math.Floor(Math.Pow(rng.NextDouble(), power) * (max - min + 1));

    /// <summary>Up to <paramref name="count"/> distinct items, in draw order (partial Fisher–Yates on a copy).</summary>
    public static List<T> Sample<T>(this Random rng, IReadOnlyList<T> items, int count)
    {
        var copy = items.ToArray();
        count = Math.Min(count, copy.Length);
        for (var i = 0; i < count; i++)
        {
            var j = rng.Next(i, copy.Length);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy[..count].ToList();
    }

    public static Guid NextGuid(this Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }
}
