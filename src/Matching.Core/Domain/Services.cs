namespace Matching.Core.Domain;

public enum PartnerService { Anapec = 1, EntraideNationale = 2, Ofppt = 3, Odco = 4, Association = 5 }

/// <summary>An ANAPEC employment adviser.</summary>
public class Adviser
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>ANAPEC agency, e.g. "Agence ANAPEC Rabat Agdal".</summary>
    public required string Agency { get; set; }
    public int? CityId { get; set; }
    public bool IsSynthetic { get; set; }
}

public class Mentor
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Organisation { get; set; }
    public bool IsSynthetic { get; set; }
}

public class Mentorship
{
    public int Id { get; set; }
    public int MentorId { get; set; }
    public Mentor? Mentor { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public List<LogbookEntry> Entries { get; set; } = [];
}

public enum LogbookEntryKind { Meeting = 1, Training = 2, Interview = 3, Placement = 4, FollowUp = 5, Note = 6 }

/// <summary>An entry of the mentee's digital logbook (carnet de bord).</summary>
public class LogbookEntry
{
    public int Id { get; set; }
    public int MentorshipId { get; set; }
    public DateOnly Date { get; set; }
    public LogbookEntryKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ReferralStatus { Proposed = 1, Accepted = 2, Completed = 3, Declined = 4 }

public class Referral
{
    public int Id { get; set; }
    public int CandidateId { get; set; }
    public PartnerService FromService { get; set; }
    public PartnerService ToService { get; set; }
    public int? ServiceOfferId { get; set; }
    public string? Reason { get; set; }
    public ReferralStatus Status { get; set; } = ReferralStatus.Proposed;
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A service offered by a partner (an OFPPT course, an Entraide Nationale programme, an ODCO cooperative…).</summary>
public class ServiceOffer
{
    public int Id { get; set; }
    public PartnerService Provider { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? CityId { get; set; }
    public bool IsSynthetic { get; set; }
}

/// <summary>Append-only record of who read or changed personal data (law 09-08).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
}
