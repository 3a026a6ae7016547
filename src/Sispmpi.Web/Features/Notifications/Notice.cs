using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Infrastructure.Email;

namespace Sispmpi.Web.Features.Notifications;

/// <summary>
/// What a notification says, in Portuguese: the subject (also the bell's title), a one-line summary for the bell,
/// the paragraphs of the e-mail and the link back into the system. Built by <see cref="Notices"/>.
/// </summary>
/// <param name="LinkPath">A path inside the system ("/acoes/12"); e-mails make it absolute with Mail:PublicBaseUrl.</param>
public sealed record Notice(string Event, string Subject, string Summary, IReadOnlyList<string> Paragraphs, string LinkPath, string LinkText)
{
    /// <summary>Whether the footer invites to change the e-mail preference (not for invitations and password resets).</summary>
    public bool Personal { get; init; } = true;
}

/// <summary>Renders a notice as the plain-text and HTML parts of an e-mail, with an absolute link.</summary>
public sealed class MailRenderer(IOptions<MailOptions> options)
{
    public string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    public string Absolute(string path) => path.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? path : BaseUrl + path;

    public (string Text, string Html) Render(Notice notice, string? recipientName)
    {
        var link = Absolute(notice.LinkPath);
        var footer = notice.Personal
            ? $"Mensagem automática do SisPMPI; não responda. Para receber um resumo diário em vez de avisos imediatos, acesse {BaseUrl}/notificacoes."
            : "Mensagem automática do SisPMPI; não responda.";

        var text = new StringBuilder();
        if (recipientName is not null)
        {
            text.Append("Olá, ").Append(recipientName).Append(".\n\n");
        }
        foreach (var paragraph in notice.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }
        text.Append(notice.LinkText).Append(": ").Append(link).Append("\n\n-- \n").Append(footer).Append('\n');

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(notice.Subject))
            .Append("</title></head><body style=\"font-family:Rawline,Raleway,Arial,sans-serif;color:#333;line-height:1.5;max-width:640px\">")
            .Append("<p style=\"font-weight:700;color:#1351b4;font-size:18px\">SisPMPI</p>");
        if (recipientName is not null)
        {
            html.Append("<p>Olá, ").Append(WebUtility.HtmlEncode(recipientName)).Append(".</p>");
        }
        foreach (var paragraph in notice.Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).ReplaceLineEndings("<br>")).Append("</p>");
        }
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link))
            .Append("\" style=\"display:inline-block;background:#1351b4;color:#fff;padding:8px 24px;border-radius:20px;text-decoration:none;font-weight:600\">")
            .Append(WebUtility.HtmlEncode(notice.LinkText)).Append("</a></p>")
            .Append("<p style=\"font-size:13px\">Se o botão não funcionar, copie este endereço no navegador: ")
            .Append(WebUtility.HtmlEncode(link)).Append("</p>")
            .Append("<hr><p style=\"font-size:12px;color:#555\">").Append(WebUtility.HtmlEncode(footer)).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }
}
