using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Infrastructure;

/// <summary>What the pager partial needs to know about a page of results.</summary>
public interface IPagination
{
    int Number { get; }
    int Pages { get; }
    int Total { get; }
    bool HasPrevious => Number > 1;
    bool HasNext => Number < Pages;
}

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Size, int Total) : IPagination
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}

public static class Paging
{
    public const int DefaultSize = 50;

    /// <summary>Query-string name of the page number ("page" is reserved by Razor Pages).</summary>
    public const string Parameter = "p";

    public static PageOf<T> Empty<T>() => new([], 1, DefaultSize, 0);

    /// <summary>Query-only link to page <paramref name="number"/> of the current request, keeping its other query values.</summary>
    public static string Href(HttpRequest request, int number)
    {
        var query = request.Query.Where(q => q.Key != Parameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(Parameter, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return QueryString.Create(query).ToUriComponent();
    }

    /// <summary>One page of an ordered query; page numbers below 1 read as 1.</summary>
    public static async Task<PageOf<T>> ToPageAsync<T>(this IQueryable<T> ordered, int number, CancellationToken ct, int size = DefaultSize)
    {
        number = Math.Max(1, number);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new PageOf<T>(items, number, size, total);
    }
}
