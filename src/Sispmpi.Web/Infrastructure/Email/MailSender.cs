using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sispmpi.Web.Infrastructure.Email;

/// <param name="OutboxId">The outbox row, written as a header so that a delivered message can be traced back.</param>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string? HtmlBody = null, long? OutboxId = null);

/// <summary>
/// Hands one message to a mail transport. Only <see cref="OutboxDispatcher"/> calls it: the rest of the system writes
/// outbox rows (through Notifier) so that a message survives an outage and is sent once.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail message, CancellationToken cancellationToken = default);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    /// <summary>"none" or "starttls" (System.Net.Mail does not speak TLS-on-connect, port 465).</summary>
    public string Security { get; set; } = "starttls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class MailOptions
{
    public string From { get; set; } = "SisPMPI <nao-responda@sispmpi.local>";
    /// <summary>"file" (the embedded default: .eml files in <see cref="PickupDirectory"/>) or "smtp".</summary>
    public string Delivery { get; set; } = "file";
    /// <summary>Folder for the file sender, relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>Absolute address of the site, used in links inside messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>Whether this instance delivers the outbox (several instances may; each message goes out once).</summary>
    public bool SenderEnabled { get; set; } = true;
    public double PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;
    /// <summary>Attempts before a message is left as failed for Suporte técnico.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Wait after the first failure; doubled after each further one, up to <see cref="RetryMaxSeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;
    public double RetryMaxSeconds { get; set; } = 3600;
    /// <summary>How long a claimed message may take; past it, the claim counts as interrupted.</summary>
    public double LeaseSeconds { get; set; } = 300;

    public bool UsesSmtp => string.Equals(Delivery, "smtp", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Delivers through an SMTP server (host, port, STARTTLS, credentials from Mail:Smtp).</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = string.Equals(smtp.Security, "starttls", StringComparison.OrdinalIgnoreCase),
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }
        using var mail = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        foreach (var to in message.To.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            mail.To.Add(to);
        }
        if (message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, "text/html"));
        }
        if (message.OutboxId is long id)
        {
            mail.Headers.Add(OutboxHeader, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await client.SendMailAsync(mail, cancellationToken);
    }

    public const string OutboxHeader = "X-SisPMPI-Outbox-Id";
}

/// <summary>Writes RFC 5322 messages (.eml) into a folder, one file per message, never overwriting.</summary>
public sealed class FileMailSender(IOptions<MailOptions> options, IHostEnvironment environment,
    TimeProvider clock, ILogger<FileMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail message, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{now:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        var builder = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("r")).Append("\r\n");
        if (message.OutboxId is long id)
        {
            builder.Append(SmtpMailSender.OutboxHeader).Append(": ").Append(id).Append("\r\n");
        }
        builder.Append("MIME-Version: 1.0\r\n");
        if (message.HtmlBody is null)
        {
            builder.Append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .Append(message.TextBody.ReplaceLineEndings("\r\n"));
        }
        else
        {
            var boundary = "=_sispmpi_" + Guid.NewGuid().ToString("N");
            builder.Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n")
                .Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .Append(message.TextBody.ReplaceLineEndings("\r\n")).Append("\r\n")
                .Append("--").Append(boundary).Append("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .Append(message.HtmlBody.ReplaceLineEndings("\r\n")).Append("\r\n")
                .Append("--").Append(boundary).Append("--\r\n");
        }
        await File.WriteAllTextAsync(path, builder.ToString(), new UTF8Encoding(false), cancellationToken);
        logger.LogInformation("E-mail to {To} written to {Path}", message.To, path);
    }
}
