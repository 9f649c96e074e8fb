using Matching.Core.Domain;
using Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Matching.Jobs.Notifications;

/// <summary>Writes notifications to the outbox; the unique (recipient, event key) makes a second write of the same event a no-op.</summary>
public static class Outbox
{
    /// <summary>Queues one message; returns false when this recipient already has this event (retried job, double click).</summary>
    public static async Task<bool> AddAsync(MatchingDbContext db, string recipient, string eventKey, string subject, string body, DateTimeOffset now, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            insert into notifications (recipient, event_key, subject, body, created_at, attempts)
            values ({recipient}, {eventKey}, {subject}, {body}, {now}, 0)
            on conflict (recipient, event_key) do nothing
            """, ct) == 1;
}

/// <summary>Delivers one notification. Must be safe to call again for the same row (a crash between sending and marking it sent).</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken ct);
}

public sealed class NotificationOptions
{
    /// <summary>"file" (default: one file per notification, named by its id) or "smtp".</summary>
    public string Sender { get; set; } = "file";
    /// <summary>Where the file sender writes; git-ignored, beside the private cluster of ./run.sh.</summary>
    public string Folder { get; set; } = ".data/notifications";
    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 25;
    public bool SmtpSsl { get; set; } = true;
    public string SmtpFrom { get; set; } = "";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}
