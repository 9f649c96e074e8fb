using System.Diagnostics;
using Matching.Core.Reference;
using Npgsql;

namespace Matching.Data.Import;

/// <summary>Writes the ESCO taxonomy with binary COPY; ids are 1..n in file order, so they are the same on every database.</summary>
internal static class EscoImport
{
    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(NpgsqlConnection connection, TextWriter log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var esco = EscoTaxonomy.Load();
        log.WriteLine($"esco: read {esco.Occupations.Count} occupations, {esco.Skills.Count} skills, {esco.OccupationSkills.Count} occupation skills in {clock.Elapsed.TotalSeconds:0.0} s.");

        var occupationIds = IdsByUri(esco.Occupations.Select(o => o.Uri));
        var skillIds = IdsByUri(esco.Skills.Select(s => s.Uri));
        // v1.1.1 gives each occupation at most one broader occupation; the column holds one, so keep the first if ever two.
        var broaderOccupation = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var link in esco.OccupationBroaders)
            broaderOccupation.TryAdd(link.Uri, occupationIds[link.BroaderUri]);

        var rows = new Dictionary<string, int>
        {
            ["isco_groups"] = await BinaryCopy.WriteAsync(connection, "isco_groups", "code, parent_code, label_en, label_fr", esco.IscoGroups,
                g => [g.Code, g.ParentCode, g.LabelEn, g.LabelFr], ct),
            // Self-referencing foreign keys are checked at the end of the COPY statement, so order within the file is free.
            ["occupations"] = await BinaryCopy.WriteAsync(connection, "occupations",
                "id, uri, isco_code, code, label_en, label_fr, label_ar, alt_labels_en, alt_labels_fr, description_en, broader_occupation_id",
                esco.Occupations,
                o => [occupationIds[o.Uri], o.Uri, o.IscoCode, o.Code, o.LabelEn, o.LabelFr, o.LabelAr, o.AltLabelsEn, o.AltLabelsFr, o.DescriptionEn,
                      broaderOccupation.TryGetValue(o.Uri, out var broader) ? broader : null], ct),
            ["skills"] = await BinaryCopy.WriteAsync(connection, "skills",
                "id, uri, type, reuse_level, label_en, label_fr, alt_labels_en, alt_labels_fr, description_en", esco.Skills,
                s => [skillIds[s.Uri], s.Uri, (int)s.Type, (int?)s.ReuseLevel, s.LabelEn, s.LabelFr, s.AltLabelsEn, s.AltLabelsFr, s.DescriptionEn], ct),
            ["occupation_skills"] = await BinaryCopy.WriteAsync(connection, "occupation_skills", "occupation_id, skill_id, is_essential", esco.OccupationSkills,
                l => [occupationIds[l.OccupationUri], skillIds[l.SkillUri], l.IsEssential], ct),
            ["skill_broaders"] = await BinaryCopy.WriteAsync(connection, "skill_broaders", "skill_id, broader_skill_id", esco.SkillBroaders,
                l => [skillIds[l.Uri], skillIds[l.BroaderUri]], ct),
            ["skill_relations"] = await BinaryCopy.WriteAsync(connection, "skill_relations", "skill_id, related_skill_id, is_essential", esco.SkillRelations,
                l => [skillIds[l.SkillUri], skillIds[l.RelatedSkillUri], l.IsEssential], ct),
        };
        await BinaryCopy.ResetIdentityAsync(connection, "occupations", ct);
        await BinaryCopy.ResetIdentityAsync(connection, "skills", ct);

        log.WriteLine($"esco: wrote {string.Join(", ", rows.Select(r => $"{r.Value} {r.Key}"))} in {clock.Elapsed.TotalSeconds:0.0} s.");
        return rows;
    }

    private static Dictionary<string, int> IdsByUri(IEnumerable<string> uris)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var uri in uris)
            if (!ids.TryAdd(uri, ids.Count + 1))
                throw new InvalidDataException($"ESCO concept {uri} appears twice; the file is corrupt.");
        return ids;
    }
}
