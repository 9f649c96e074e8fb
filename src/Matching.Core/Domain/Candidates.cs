namespace Matching.Core.Domain;

public enum MigrationStatus { RegularisedMigrant = 1, Refugee = 2, AsylumSeeker = 3, Returnee = 4 }

public enum Gender { Female = 1, Male = 2, Other = 3, Undisclosed = 4 }

public enum CefrLevel { A1 = 1, A2 = 2, B1 = 3, B2 = 4, C1 = 5, C2 = 6, Native = 7 }

/// <summary>ISCED 2011 levels 0–8.</summary>
public enum IscedLevel
{
    EarlyChildhood = 0, Primary = 1, LowerSecondary = 2, UpperSecondary = 3, PostSecondary = 4,
    ShortTertiary = 5, Bachelor = 6, Master = 7, Doctorate = 8,
}

public enum SkillSource { Declared = 1, Assessed = 2, Certified = 3 }

[Flags]
public enum OpportunityKinds { None = 0, Job = 1, Internship = 2 }

public enum ConsentPurpose
{
    /// <summary>Profile may be scored and shown, pseudonymised, to employers.</summary>
    Matching = 1,
    /// <summary>Identity and contact may be revealed to one named employer.</summary>
    ShareIdentityWithEmployer = 2,
    /// <summary>Record may be shared with a partner service on referral.</summary>
    ReferralToPartner = 3,
    /// <summary>Follow-up after placement for programme indicators.</summary>
    FollowUp = 4,
}

/// <summary>
/// A job-seeker's matching profile. Identity and contact live in <see cref="CandidateIdentity"/>, a separate table
/// that only advisers (and an employer after consent) may read. Gender, birth year and nationality exist for
/// programme reporting only: the matching engine never reads them.
/// </summary>
public class Candidate
{
    public int Id { get; set; }
    /// <summary>Stable public number used in pseudonyms ("Candidat·e #4821").</summary>
    public int PublicNumber { get; set; }
    public MigrationStatus Status { get; set; }
    public DateOnly? DocumentExpiresOn { get; set; }
    public Gender Gender { get; set; }
    public int? BirthYear { get; set; }
    /// <summary>ISO 3166-1 alpha-2 nationality code (reporting only).</summary>
    public string? NationalityCode { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public int? ProvinceId { get; set; }
    public int? CityId { get; set; }
    public City? City { get; set; }
    public IscedLevel? EducationLevel { get; set; }
    public string? EducationField { get; set; }
    public DateOnly? AvailableFrom { get; set; }
    public int MobilityKm { get; set; } = 30;
    public OpportunityKinds Wants { get; set; } = OpportunityKinds.Job;
    public bool IsActive { get; set; } = true;
    public int? AdviserId { get; set; }
    public Adviser? Adviser { get; set; }
    public bool IsSynthetic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public CandidateIdentity? Identity { get; set; }
    public List<CandidateLanguage> Languages { get; set; } = [];
    public List<CandidateExperience> Experiences { get; set; } = [];
    public List<CandidateSkill> Skills { get; set; } = [];
    public List<CandidateDesiredOccupation> DesiredOccupations { get; set; } = [];
    public List<Consent> Consents { get; set; } = [];
}

/// <summary>Directly identifying data, kept apart from the profile (law 09-08: least privilege).</summary>
public class CandidateIdentity
{
    public int CandidateId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
}

public class CandidateLanguage
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    /// <summary>ISO 639-1 code where one exists (ar, fr, en, es, wo…), ISO 639-3 otherwise (ary for Darija, zgh for Tamazight).</summary>
    public required string Code { get; set; }
    public CefrLevel Level { get; set; }
}

public class CandidateExperience
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public required string Title { get; set; }
    public int? OccupationId { get; set; }
    public Occupation? Occupation { get; set; }
    /// <summary>Linker confidence (0–1) of <see cref="OccupationId"/>; null when set by hand.</summary>
    public double? LinkConfidence { get; set; }
    public string? Employer { get; set; }
    public string? Country { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
}

public class CandidateSkill
{
    public int CandidateId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    /// <summary>Self or assessed proficiency, 1 (basic) to 4 (expert).</summary>
    public int Level { get; set; } = 2;
    public SkillSource Source { get; set; } = SkillSource.Declared;
    /// <summary>Linker confidence (0–1) of <see cref="SkillId"/> for the phrase the adviser typed; null when chosen from a list.</summary>
    public double? LinkConfidence { get; set; }
}

public class CandidateDesiredOccupation
{
    public int CandidateId { get; set; }
    public int OccupationId { get; set; }
    public Occupation? Occupation { get; set; }
    /// <summary>The job title as typed ("aide soignante", "maçon coffreur"); null when chosen from a list.</summary>
    public string? Title { get; set; }
    /// <summary>Linker confidence (0–1) of <see cref="OccupationId"/> for <see cref="Title"/>; null when set by hand.</summary>
    public double? LinkConfidence { get; set; }
}

/// <summary>A consent given for one purpose (and, where relevant, one partner), timestamped and revocable.</summary>
public class Consent
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public ConsentPurpose Purpose { get; set; }
    /// <summary>The employer the consent is limited to, for identity sharing.</summary>
    public int? EmployerId { get; set; }
    /// <summary>The partner service the consent is limited to, for referrals.</summary>
    public PartnerService? Partner { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RecordedBy { get; set; }
    public bool IsActive => RevokedAt is null;
}
