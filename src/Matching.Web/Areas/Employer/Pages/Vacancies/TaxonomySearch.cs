using Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Employer.Pages.Vacancies;

/// <summary>
/// Occupation and skill suggestions for what the user typed: accent- and case-insensitive match on French and English
/// labels and alternative labels, ranked by trigram similarity (pg_trgm), which also serves as the link confidence.
/// </summary>
public static class TaxonomySearch
{
    public sealed record Hit(int Id, string LabelEn, string? LabelFr, string? LabelAr, double Score);

    public const int MaxHits = 12;

    public static async Task<IReadOnlyList<Hit>> OccupationsAsync(MatchingDbContext db, string? text, CancellationToken ct)
    {
        if (Normalise(text) is not { } q) return [];
        var pattern = $"%{q}%";
        return await db.Database.SqlQuery<Hit>($"""
            select o.id as "Id", o.label_en as "LabelEn", o.label_fr as "LabelFr", o.label_ar as "LabelAr",
                   greatest(similarity(unaccent(coalesce(o.label_fr, '')), unaccent({q})),
                            similarity(unaccent(o.label_en), unaccent({q})))::float8 as "Score"
            from occupations o
            where unaccent(coalesce(o.label_fr, '')) ilike unaccent({pattern})
               or unaccent(o.label_en) ilike unaccent({pattern})
               or exists (select 1 from unnest(o.alt_labels_fr || o.alt_labels_en) a where unaccent(a) ilike unaccent({pattern}))
               or similarity(unaccent(coalesce(o.label_fr, '')), unaccent({q})) > 0.4
            order by "Score" desc, o.label_en
            limit {MaxHits}
            """).ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<Hit>> SkillsAsync(MatchingDbContext db, string? text, CancellationToken ct)
    {
        if (Normalise(text) is not { } q) return [];
        var pattern = $"%{q}%";
        return await db.Database.SqlQuery<Hit>($"""
            select s.id as "Id", s.label_en as "LabelEn", s.label_fr as "LabelFr", null::text as "LabelAr",
                   greatest(similarity(unaccent(coalesce(s.label_fr, '')), unaccent({q})),
                            similarity(unaccent(s.label_en), unaccent({q})))::float8 as "Score"
            from skills s
            where unaccent(coalesce(s.label_fr, '')) ilike unaccent({pattern})
               or unaccent(s.label_en) ilike unaccent({pattern})
               or exists (select 1 from unnest(s.alt_labels_fr || s.alt_labels_en) a where unaccent(a) ilike unaccent({pattern}))
            order by "Score" desc, s.label_en
            limit {MaxHits}
            """).ToListAsync(ct);
    }

    /// <summary>Trimmed text of at least two characters, with LIKE wildcards escaped; null otherwise.</summary>
    private static string? Normalise(string? text)
    {
        var q = text?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length < 2) return null;
        if (q.Length > 100) q = q[..100];
        return q.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
    }
}
