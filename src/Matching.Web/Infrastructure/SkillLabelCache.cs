using System.Collections.Frozen;
using Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Infrastructure;

/// <summary>
/// ESCO skill labels (English and French) held in memory: the taxonomy is reference data that only an import changes,
/// so the portal reads it once instead of on every shortlist. It holds no personal data. A skill missing from the
/// snapshot (imported after it was taken) is read from the database for that request.
/// </summary>
public sealed class SkillLabelCache
{
    private sealed record Labels(string En, string? Fr);

    private sealed record Snapshot(FrozenDictionary<int, Labels> ById, FrozenDictionary<string, int> IdByUri);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>Labels in the UI language of the given skills (by URI or id), keyed by URI and by "#id".</summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(MatchingDbContext db, IEnumerable<(string? Uri, int? Id)> skills, CancellationToken ct)
    {
        var snapshot = _snapshot ?? await LoadAsync(db, ct);
        var result = new Dictionary<string, string>();
        List<string>? unknownUris = null;
        List<int>? unknownIds = null;
        foreach (var (uri, id) in skills)
        {
            if (uri is not null && !result.ContainsKey(uri))
            {
                if (snapshot.IdByUri.TryGetValue(uri, out var byUri)) Add(result, byUri, uri, snapshot.ById[byUri]);
                else (unknownUris ??= []).Add(uri);
            }
            if (id is { } skillId && !result.ContainsKey("#" + skillId))
            {
                if (snapshot.ById.TryGetValue(skillId, out var labels)) result["#" + skillId] = Display.Skill(labels.En, labels.Fr);
                else (unknownIds ??= []).Add(skillId);
            }
        }
        if (unknownUris is null && unknownIds is null) return result;

        List<string> uris = unknownUris ?? [];
        List<int> ids = unknownIds ?? [];
        var found = await db.Skills.AsNoTracking().Where(s => uris.Contains(s.Uri) || ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Uri, s.LabelEn, s.LabelFr }).ToListAsync(ct);
        foreach (var skill in found) Add(result, skill.Id, skill.Uri, new Labels(skill.LabelEn, skill.LabelFr));
        return result;
    }

    /// <summary>Labels in the UI language of the given skill ids; ids of no skill are left out.</summary>
    public async Task<Dictionary<int, string>> LabelsByIdAsync(MatchingDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var labels = await LabelsAsync(db, distinct.Select(id => ((string?)null, (int?)id)), ct);
        return distinct.Where(id => labels.ContainsKey("#" + id)).ToDictionary(id => id, id => labels["#" + id]);
    }

    private static void Add(Dictionary<string, string> result, int id, string uri, Labels labels)
    {
        var label = Display.Skill(labels.En, labels.Fr);
        result[uri] = label;
        result["#" + id] = label;
    }

    private async Task<Snapshot> LoadAsync(MatchingDbContext db, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } loaded) return loaded;
            var skills = await db.Skills.AsNoTracking().Select(s => new { s.Id, s.Uri, s.LabelEn, s.LabelFr }).ToListAsync(ct);
            // Before the reference import there is nothing to hold: stay unloaded and try again next time.
            var snapshot = new Snapshot(
                skills.ToFrozenDictionary(s => s.Id, s => new Labels(s.LabelEn, s.LabelFr)),
                skills.ToFrozenDictionary(s => s.Uri, s => s.Id, StringComparer.Ordinal));
            if (skills.Count > 0) _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
