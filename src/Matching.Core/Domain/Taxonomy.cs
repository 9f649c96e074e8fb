namespace Matching.Core.Domain;

/// <summary>An ESCO occupation (v1.1.1) with its ISCO-08 unit group and labels in French, English and Arabic.</summary>
public class Occupation
{
    public int Id { get; set; }
    /// <summary>ESCO concept URI, e.g. http://data.europa.eu/esco/occupation/…</summary>
    public required string Uri { get; set; }
    /// <summary>ISCO-08 four-digit unit group code.</summary>
    public required string IscoCode { get; set; }
    /// <summary>ESCO notation code, e.g. 2654.1.7.</summary>
    public string? Code { get; set; }
    public required string LabelEn { get; set; }
    public string? LabelFr { get; set; }
    public string? LabelAr { get; set; }
    public List<string> AltLabelsEn { get; set; } = [];
    public List<string> AltLabelsFr { get; set; } = [];
    public string? DescriptionEn { get; set; }
    /// <summary>Broader ESCO occupation, when this one is a specialisation of another (null under an ISCO group).</summary>
    public int? BroaderOccupationId { get; set; }
    public List<OccupationSkill> Skills { get; set; } = [];
}

/// <summary>An ISCO-08 group (major, sub-major, minor or unit) from the ESCO occupation pillar.</summary>
public class IscoGroup
{
    /// <summary>1 to 4 digit ISCO-08 code; the length gives the level.</summary>
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public required string LabelEn { get; set; }
    public string? LabelFr { get; set; }
}

public enum SkillType { SkillCompetence = 1, Knowledge = 2 }

/// <summary>ESCO reuse level: how widely a skill transfers across occupations.</summary>
public enum ReuseLevel { Transversal = 1, CrossSector = 2, SectorSpecific = 3, OccupationSpecific = 4 }

/// <summary>An ESCO skill or knowledge concept.</summary>
public class Skill
{
    public int Id { get; set; }
    public required string Uri { get; set; }
    public SkillType Type { get; set; }
    public ReuseLevel? ReuseLevel { get; set; }
    public required string LabelEn { get; set; }
    public string? LabelFr { get; set; }
    public List<string> AltLabelsEn { get; set; } = [];
    public List<string> AltLabelsFr { get; set; } = [];
    public string? DescriptionEn { get; set; }
}

/// <summary>Essential or optional link between an occupation and a skill.</summary>
public class OccupationSkill
{
    public int OccupationId { get; set; }
    public Occupation? Occupation { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public bool IsEssential { get; set; }
}

/// <summary>Skill hierarchy edge (narrower skill → broader skill) from the ESCO skill pillar.</summary>
public class SkillBroader
{
    public int SkillId { get; set; }
    public int BroaderSkillId { get; set; }
}

/// <summary>ESCO skill-to-skill relation (essential or optional), used for transferable-skill credit.</summary>
public class SkillRelation
{
    public int SkillId { get; set; }
    public int RelatedSkillId { get; set; }
    public bool IsEssential { get; set; }
}
