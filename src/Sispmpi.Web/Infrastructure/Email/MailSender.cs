using System.Text;

namespace Sispmpi.Web.Infrastructure.Email;

public sealed record MailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>Delivers e-mail. The embedded default writes each message as a file; SMTP delivery comes with the outbox.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken = default);
}

public sealed class MailOptions
{
    public string From { get; set; } = "SisPMPI <nao-responda@sispmpi.local>";
    /// <summary>Folder for the file sender, relative to the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    /// <summary>Absolute address of the site, used in links inside messages.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>Writes RFC 5322 messages (.eml) into a folder, one file per message, never overwriting.</summary>
public sealed class FileMailSender(Microsoft.Extensions.Options.IOptions<MailOptions> options, IHostEnvironment environment,
    TimeProvider clock, ILogger<FileMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow();
        var path = Path.Combine(folder, $"{now:yyyyMMdd-HHmmssfff}-{Guid.NewGuid():N}.eml");
        var builder = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(message.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("r")).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(message.TextBody.ReplaceLineEndings("\r\n"));
        await File.WriteAllTextAsync(path, builder.ToString(), new UTF8Encoding(false), cancellationToken);
        logger.LogInformation("E-mail to {To} written to {Path}", message.To, path);
    }
}
