namespace Matching.Core.Domain;

public enum MatchRunChunkStatus { Pending = 1, Running = 2, Done = 3, Failed = 4 }

/// <summary>
/// One slice of a run's open vacancies, scored by one short background job. The vacancy ids are fixed when the run
/// is created, so a chunk re-run after a crash scores the same vacancies against the same candidates and writes the
/// same rows (its matches are deleted and copied again in one transaction).
/// </summary>
public class MatchRunChunk
{
    public int RunId { get; set; }
    public int ChunkNo { get; set; }
    public MatchRunChunkStatus Status { get; set; } = MatchRunChunkStatus.Pending;
    public int[] VacancyIds { get; set; } = [];
    public int Attempts { get; set; }
    public long PairsScored { get; set; }
    public int RowsWritten { get; set; }
    public string? Error { get; set; }
    /// <summary>The Hangfire job scoring this chunk, so a safety check can re-enqueue a chunk whose job was lost.</summary>
    public string? JobId { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A candidate taken into a run: active with an active Matching consent when the run was created.</summary>
public class MatchRunCandidate
{
    public int RunId { get; set; }
    public int CandidateId { get; set; }
}
