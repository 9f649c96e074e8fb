namespace Matching.Core.Domain;

public enum CsrLabelStatus { None = 0, Applied = 1, Labelled = 2, Verified = 3, Expired = 4 }

public class Employer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Sector { get; set; }
    /// <summary>CGEM "label RSE" status; "Verified" is set by an Admin only.</summary>
    public CsrLabelStatus CsrLabel { get; set; }
    public DateOnly? CsrLabelDate { get; set; }
    public bool IsSynthetic { get; set; }
    public List<EmployerSite> Sites { get; set; } = [];
    public List<Vacancy> Vacancies { get; set; } = [];
}

public class EmployerSite
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public required string Name { get; set; }
    public int CityId { get; set; }
    public City? City { get; set; }
    public string? Address { get; set; }
}

public enum VacancyKind { Job = 1, Internship = 2 }

public enum ContractType { Cdi = 1, Cdd = 2, Anapec = 3, Seasonal = 4, Internship = 5, Freelance = 6 }

public enum VacancyStatus { Draft = 1, Open = 2, Closed = 3, Filled = 4 }

public class Vacancy
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public Employer? Employer { get; set; }
    public int? SiteId { get; set; }
    public VacancyKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? OccupationId { get; set; }
    public Occupation? Occupation { get; set; }
    public double? OccupationLinkConfidence { get; set; }
    public int? CityId { get; set; }
    public City? City { get; set; }
    public ContractType ContractType { get; set; }
    public int Positions { get; set; } = 1;
    public IscedLevel? EducationMin { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public VacancyStatus Status { get; set; } = VacancyStatus.Draft;
    public bool IsSynthetic { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<VacancySkill> Skills { get; set; } = [];
    public List<VacancyLanguage> Languages { get; set; } = [];
}

public class VacancySkill
{
    public int VacancyId { get; set; }
    public int SkillId { get; set; }
    public Skill? Skill { get; set; }
    public bool IsEssential { get; set; }
    /// <summary>Linker confidence (0–1) when the skill was linked from a phrase the employer typed; null when proposed by the occupation or chosen by hand.</summary>
    public double? LinkConfidence { get; set; }
}

public class VacancyLanguage
{
    public int Id { get; set; }
    public int VacancyId { get; set; }
    public required string Code { get; set; }
    public CefrLevel MinLevel { get; set; }
}

/// <summary>
/// An employer asking to meet a shortlisted candidate about one vacancy. The candidate's adviser is notified (outbox);
/// identity and contact are revealed only once the candidate's <see cref="ConsentPurpose.ShareIdentityWithEmployer"/>
/// consent for this employer is recorded.
/// </summary>
public class ContactRequest
{
    public int Id { get; set; }
    public int EmployerId { get; set; }
    public int VacancyId { get; set; }
    public int CandidateId { get; set; }
    public string? RequestedByUserId { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
