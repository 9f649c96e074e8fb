using System.Globalization;
using System.Net;
using System.Net.Mail;
using Matching.Core.Domain;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Matching.Jobs.Notifications;

/// <summary>The default sender: one text file per notification, named by its id, so sending twice rewrites one file.</summary>
public sealed class FileNotificationSender(IOptions<NotificationOptions> options) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.Folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(notification));
        await File.WriteAllTextAsync(path,
            $"To: {notification.Recipient}\nEvent: {notification.EventKey}\nSubject: {notification.Subject}\n\n{notification.Body}\n", ct);
    }

    public static string FileName(Notification n) => $"{n.Id.ToString("D10", CultureInfo.InvariantCulture)}.txt";
}

/// <summary>SMTP through System.Net.Mail; "adviser:12" and "mentor:3" recipients are the e-mails of their portal accounts.</summary>
public sealed class SmtpNotificationSender(IOptions<NotificationOptions> options, MatchingDbContext db) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        var o = options.Value;
        var address = await AddressAsync(notification.Recipient, ct)
            ?? throw new InvalidOperationException($"recipient {notification.Recipient} has no e-mail address; add one to the portal account.");
        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpSsl };
        if (o.SmtpUser is { Length: > 0 }) client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
        using var message = new MailMessage(o.SmtpFrom, address, notification.Subject, notification.Body);
        // Lets a mail server drop a resend after a crash between sending and marking the row sent.
        message.Headers.Add("Message-ID", $"<notification-{notification.Id}@matching>");
        await client.SendMailAsync(message, ct);
    }

    private async Task<string?> AddressAsync(string recipient, CancellationToken ct)
    {
        var colon = recipient.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return null;
        var (kind, value) = (recipient[..colon], recipient[(colon + 1)..]);
        if (kind == "email") return value;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return kind switch
        {
            "adviser" => await db.Users.Where(u => u.AdviserId == id).Select(u => u.Email).FirstOrDefaultAsync(ct),
            "mentor" => await db.Users.Where(u => u.MentorId == id).Select(u => u.Email).FirstOrDefaultAsync(ct),
            "user" => await db.Users.Where(u => u.Id == value).Select(u => u.Email).FirstOrDefaultAsync(ct),
            _ => null,
        };
    }
}
