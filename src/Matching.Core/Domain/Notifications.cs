namespace Matching.Core.Domain;

/// <summary>
/// Outbox row: a message to deliver once. The unique (<see cref="Recipient"/>, <see cref="EventKey"/>) pair makes a
/// retried job or a double click write nothing new; a sender marks <see cref="SentAt"/>.
/// </summary>
public class Notification
{
    public long Id { get; set; }
    /// <summary>Who receives it: "adviser:12", "user:{id}" or "email:someone@example.org".</summary>
    public required string Recipient { get; set; }
    /// <summary>What happened, unique per recipient, e.g. "contact-request:42" or "new-matches:7:2026-11-23".</summary>
    public required string EventKey { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
