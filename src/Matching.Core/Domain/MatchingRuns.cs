namespace Matching.Core.Domain;

public enum MatchRunStatus { Pending = 1, Running = 2, Completed = 3, Failed = 4, Published = 5 }

/// <summary>One scoring run over the open vacancies and active, consenting candidates.</summary>
public class MatchRun
{
    public int Id { get; set; }
    public MatchRunStatus Status { get; set; } = MatchRunStatus.Pending;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? ModelVersion { get; set; }
    public int ChunksTotal { get; set; }
    public int ChunksDone { get; set; }
    public long PairsScored { get; set; }
    public long MatchesWritten { get; set; }
    public string? Error { get; set; }
    public string? TriggeredBy { get; set; }
    /// <summary>Idempotency key of the trigger ("nightly:2026-11-23", "manual:…"): starting the same key again resumes that run.</summary>
    public string? RunKey { get; set; }
    /// <summary>The Morocco calendar day the run scores for (availability, document expiry): fixed so re-runs agree.</summary>
    public DateOnly ReferenceDate { get; set; }
    /// <summary>
    /// The run's fairness audit as JSON (shortlist rates by gender and by status), written when the run is published;
    /// null before. Read it with <c>RunFairness.Read</c> in Matching.Jobs.
    /// </summary>
    public string? FairnessJson { get; set; }
}

/// <summary>
/// A scored (candidate, vacancy) pair of one run, with its explanation as JSON. Keyed by (run, vacancy, rank): no
/// surrogate id, since the nightly run writes hundreds of thousands of these with COPY and nothing refers to one row.
/// </summary>
public class Match
{
    public int RunId { get; set; }
    public int CandidateId { get; set; }
    public Candidate? Candidate { get; set; }
    public int VacancyId { get; set; }
    public Vacancy? Vacancy { get; set; }
    public double Score { get; set; }
    /// <summary>Rank within the vacancy's shortlist (1 = best).</summary>
    public int Rank { get; set; }
    public string ExplanationJson { get; set; } = "{}";
}

public enum DecisionStep { Shortlisted = 1, InterviewRequested = 2, Interviewed = 3, Hired = 4, Rejected = 5, StillEmployedAfterSixMonths = 6 }

public enum RejectionReason
{
    MissingEssentialSkills = 1, InsufficientLanguage = 2, TooFar = 3, NotAvailable = 4,
    PositionFilled = 5, CandidateDeclined = 6, Other = 9,
}

/// <summary>
/// An employer's pipeline step on a (candidate, vacancy) pair. Keyed by the pair, not the match row, so that
/// re-scoring never loses a decision; the ranker learns from these.
/// </summary>
public class Decision
{
    public long Id { get; set; }
    public int CandidateId { get; set; }
    public int VacancyId { get; set; }
    public int? RunId { get; set; }
    public DecisionStep Step { get; set; }
    public RejectionReason? Reason { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
}
