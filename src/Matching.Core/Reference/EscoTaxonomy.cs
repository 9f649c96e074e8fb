using Matching.Core.Domain;

namespace Matching.Core.Reference;

/// <summary>
/// The ESCO v1.1.1 taxonomy read from the shipped files into memory: occupations and skills with their English,
/// French and Arabic labels, the ISCO-08 hierarchy, occupation–skill and skill–skill relations.
/// Entity ids are left at 0; relations refer to concepts by URI. ESCO classification, © European Union.
/// </summary>
public sealed class EscoTaxonomy
{
    public required IReadOnlyList<Occupation> Occupations { get; init; }
    public required IReadOnlyList<Skill> Skills { get; init; }
    public required IReadOnlyList<IscoGroup> IscoGroups { get; init; }
    public required IReadOnlyList<OccupationSkillLink> OccupationSkills { get; init; }
    /// <summary>Occupation → broader occupation edges (ESCO specialisations).</summary>
    public required IReadOnlyList<BroaderLink> OccupationBroaders { get; init; }
    /// <summary>Skill → broader skill edges (skill-to-skill only; skill groups are not loaded).</summary>
    public required IReadOnlyList<BroaderLink> SkillBroaders { get; init; }
    public required IReadOnlyList<SkillSkillLink> SkillRelations { get; init; }

    /// <summary>Loads every file from <see cref="ReferenceDataFiles"/>; a corrupt file fails with its name and line.</summary>
    public static EscoTaxonomy Load()
    {
        var iscoFr = ReadIscoFrench();
        var isco = ReadIscoGroups(iscoFr);
        var occupations = ReadOccupations();
        var skills = ReadSkills();
        var occupationUris = occupations.Select(o => o.Uri).ToHashSet(StringComparer.Ordinal);
        var skillUris = skills.Select(s => s.Uri).ToHashSet(StringComparer.Ordinal);

        var occupationSkills = new List<OccupationSkillLink>();
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("occupationSkillRelations.csv.gz")))
        {
            int occ = csv.Column("occupationUri"), rel = csv.Column("relationType"), sk = csv.Column("skillUri");
            var seen = new HashSet<(string, string)>();
            foreach (var r in csv.Records())
                if (occupationUris.Contains(r[occ]) && skillUris.Contains(r[sk]) && seen.Add((r[occ], r[sk])))
                    occupationSkills.Add(new OccupationSkillLink(r[occ], r[sk], r[rel] == "essential"));
        }

        var occupationBroaders = new List<BroaderLink>();
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("broaderRelationsOccPillar.csv.gz")))
        {
            int type = csv.Column("conceptType"), uri = csv.Column("conceptUri"), btype = csv.Column("broaderType"), buri = csv.Column("broaderUri");
            foreach (var r in csv.Records())
                if (r[type] == "Occupation" && r[btype] == "Occupation" && occupationUris.Contains(r[uri]) && occupationUris.Contains(r[buri]))
                    occupationBroaders.Add(new BroaderLink(r[uri], r[buri]));
        }

        var skillBroaders = new List<BroaderLink>();
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("broaderRelationsSkillPillar.csv.gz")))
        {
            int uri = csv.Column("conceptUri"), buri = csv.Column("broaderUri");
            var seen = new HashSet<(string, string)>();
            foreach (var r in csv.Records())
                if (skillUris.Contains(r[uri]) && skillUris.Contains(r[buri]) && seen.Add((r[uri], r[buri])))
                    skillBroaders.Add(new BroaderLink(r[uri], r[buri]));
        }

        var skillRelations = new List<SkillSkillLink>();
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("skillSkillRelations.csv.gz")))
        {
            int a = csv.Column("originalSkillUri"), rel = csv.Column("relationType"), b = csv.Column("relatedSkillUri");
            var seen = new HashSet<(string, string)>();
            foreach (var r in csv.Records())
                if (skillUris.Contains(r[a]) && skillUris.Contains(r[b]) && seen.Add((r[a], r[b])))
                    skillRelations.Add(new SkillSkillLink(r[a], r[b], r[rel] == "essential"));
        }

        return new EscoTaxonomy
        {
            Occupations = occupations, Skills = skills, IscoGroups = isco, OccupationSkills = occupationSkills,
            OccupationBroaders = occupationBroaders, SkillBroaders = skillBroaders, SkillRelations = skillRelations,
        };
    }

    /// <summary>Only the occupations (labels in three languages, ISCO code), read in a fraction of <see cref="Load"/>'s time.</summary>
    public static IReadOnlyList<Occupation> LoadOccupations() => ReadOccupations();

    private static Dictionary<string, string> ReadIscoFrench()
    {
        using var csv = CsvReader.Open(ReferenceDataFiles.Esco("ISCOGroups_fr.csv.gz"));
        int code = csv.Column("code"), label = csv.Column("preferredLabel");
        return csv.Records().Where(r => r[label].Length > 0).ToDictionary(r => r[code], r => r[label], StringComparer.Ordinal);
    }

    private static List<IscoGroup> ReadIscoGroups(Dictionary<string, string> french)
    {
        using var csv = CsvReader.Open(ReferenceDataFiles.Esco("ISCOGroups_en.csv.gz"));
        int code = csv.Column("code"), label = csv.Column("preferredLabel");
        return csv.Records()
            .Select(r => new IscoGroup
            {
                Code = r[code],
                ParentCode = r[code].Length > 1 ? r[code][..^1] : null,
                LabelEn = r[label],
                LabelFr = french.GetValueOrDefault(r[code]),
            })
            .ToList();
    }

    private static List<Occupation> ReadOccupations()
    {
        var french = new Dictionary<string, (string? Label, List<string> Alt, string? Arabic)>(StringComparer.Ordinal);
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("occupations_fr_ar.csv.gz")))
        {
            int uri = csv.Column("conceptUri"), fr = csv.Column("preferredLabel_fr"), alt = csv.Column("altLabels_fr"), ar = csv.Column("preferredLabel_ar");
            foreach (var r in csv.Records())
                french[r[uri]] = (NullIfEmpty(r[fr]), SplitLabels(r[alt], '|'), NullIfEmpty(r[ar]));
        }

        using var en = CsvReader.Open(ReferenceDataFiles.Esco("occupations_en.csv.gz"));
        int u = en.Column("conceptUri"), isco = en.Column("iscoGroup"), code = en.Column("code"), label = en.Column("preferredLabel"),
            alts = en.Column("altLabels"), description = en.Column("description");
        var result = new List<Occupation>();
        foreach (var r in en.Records())
        {
            var fr = french.GetValueOrDefault(r[u]);
            result.Add(new Occupation
            {
                Uri = r[u], IscoCode = r[isco], Code = NullIfEmpty(r[code]), LabelEn = r[label],
                LabelFr = fr.Label, LabelAr = fr.Arabic, AltLabelsEn = SplitLabels(r[alts], '\n'), AltLabelsFr = fr.Alt ?? [],
                DescriptionEn = NullIfEmpty(r[description]),
            });
        }
        return result;
    }

    private static List<Skill> ReadSkills()
    {
        var french = new Dictionary<string, (string? Label, List<string> Alt)>(StringComparer.Ordinal);
        using (var csv = CsvReader.Open(ReferenceDataFiles.Esco("skills_fr.csv.gz")))
        {
            int uri = csv.Column("conceptUri"), fr = csv.Column("preferredLabel_fr"), alt = csv.Column("altLabels_fr");
            foreach (var r in csv.Records())
                french[r[uri]] = (NullIfEmpty(r[fr]), SplitLabels(r[alt], '|'));
        }

        using var en = CsvReader.Open(ReferenceDataFiles.Esco("skills_en.csv.gz"));
        int u = en.Column("conceptUri"), type = en.Column("skillType"), reuse = en.Column("reuseLevel"), label = en.Column("preferredLabel"),
            alts = en.Column("altLabels"), description = en.Column("description");
        var result = new List<Skill>();
        foreach (var r in en.Records())
        {
            var fr = french.GetValueOrDefault(r[u]);
            result.Add(new Skill
            {
                Uri = r[u],
                Type = r[type] == "knowledge" ? SkillType.Knowledge : SkillType.SkillCompetence,
                ReuseLevel = r[reuse] switch
                {
                    "transversal" => ReuseLevel.Transversal,
                    "cross-sector" => ReuseLevel.CrossSector,
                    "sector-specific" => ReuseLevel.SectorSpecific,
                    "occupation-specific" => ReuseLevel.OccupationSpecific,
                    _ => null,
                },
                LabelEn = r[label], LabelFr = fr.Label, AltLabelsEn = SplitLabels(r[alts], '\n'), AltLabelsFr = fr.Alt ?? [],
                DescriptionEn = NullIfEmpty(r[description]),
            });
        }
        return result;
    }

    private static string? NullIfEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string> SplitLabels(string s, char separator) =>
        s.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>An occupation–skill relation by URI.</summary>
public sealed record OccupationSkillLink(string OccupationUri, string SkillUri, bool IsEssential);

/// <summary>A narrower → broader edge by URI.</summary>
public sealed record BroaderLink(string Uri, string BroaderUri);

/// <summary>A skill–skill relation by URI.</summary>
public sealed record SkillSkillLink(string SkillUri, string RelatedSkillUri, bool IsEssential);
