using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>The meeting form (SPEC §3.3): what the monitoring committee types, validated in Portuguese.</summary>
public sealed class MeetingInput
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 200;
    public const int MaxOtherParticipants = 200;
    public const int FirstYear = 2000;
    /// <summary>Meetings may be scheduled ahead, up to this many years.</summary>
    public const int YearsAhead = 5;

    private static readonly string[] _separators = ["—", "–", " - "];

    [Required(ErrorMessage = "Informe a data da reunião.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Informe o título da reunião.")]
    [StringLength(300, ErrorMessage = "O título deve ter até 300 caracteres.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "A pauta deve ter até 4.000 caracteres.")]
    public string? Agenda { get; set; }

    [StringLength(100_000, ErrorMessage = "A ata deve ter até 100.000 caracteres.")]
    public string? Minutes { get; set; }

    /// <summary>The plan the meeting is about, if any.</summary>
    public int? PlanId { get; set; }

    /// <summary>The users of the organization who took part.</summary>
    public List<int> UserIds { get; set; } = [];

    /// <summary>Anyone else, one per line as "Nome — cargo" (the role is optional).</summary>
    public string? OtherParticipants { get; set; }

    public static MeetingInput From(CommitteeMeeting meeting) => new()
    {
        Date = meeting.Date,
        Title = meeting.Title,
        Agenda = meeting.Agenda,
        Minutes = meeting.Minutes,
        PlanId = meeting.PlanId,
        UserIds = meeting.Participants.Where(p => p.UserId is not null).Select(p => p.UserId!.Value).Distinct().ToList(),
        OtherParticipants = string.Join("\n", meeting.Participants.Where(p => p.UserId is null).OrderBy(p => p.Id)
            .Select(p => p.Role is null ? p.Name : $"{p.Name} — {p.Role}")),
    };

    /// <summary>The rules beyond the attributes; every message is shown next to its field.</summary>
    public void Validate(ModelStateDictionary modelState, DateOnly today, IReadOnlyList<SelectListItem> plans,
        IReadOnlyList<ParticipantOption> users)
    {
        var lastDay = new DateOnly(today.Year + YearsAhead, 12, 31);
        var dateMessage = $"Informe uma data válida, de 01/01/{FirstYear} a {Labels.Date(lastDay)}.";
        if (modelState.TryGetValue("Input.Date", out var dateEntry)
            && dateEntry.Errors.Any(e => e.Exception is not null || PortugueseBindingMessages.IsBindingMessage(e.ErrorMessage)))
        {
            dateEntry.Errors.Clear();
            modelState.AddModelError("Input.Date", dateMessage);
        }
        else if (Date is DateOnly date && (date.Year < FirstYear || date > lastDay))
        {
            modelState.AddModelError("Input.Date", dateMessage);
        }

        if (modelState.TryGetValue("Input.PlanId", out var planEntry) && planEntry.Errors.Count > 0)
        {
            planEntry.Errors.Clear();
            modelState.AddModelError("Input.PlanId", "Escolha um plano da lista.");
        }
        else if (PlanId is int planId && plans.All(p => p.Value != planId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            modelState.AddModelError("Input.PlanId", "Escolha um plano da lista.");
        }

        var userKeys = modelState.Keys.Where(k => k.StartsWith("Input.UserIds", StringComparison.Ordinal)).ToList();
        var badUsers = userKeys.Any(k => modelState[k]!.Errors.Count > 0) || UserIds.Any(id => users.All(u => u.UserId != id));
        foreach (var key in userKeys)
        {
            modelState[key]!.Errors.Clear();
        }
        if (badUsers)
        {
            modelState.AddModelError("Input.UserIds", "Escolha participantes da lista de usuários do órgão.");
        }

        var (_, errors) = ParseOthers(OtherParticipants);
        if (errors.Count > 0)
        {
            modelState.AddModelError("Input.OtherParticipants", string.Join(" ", errors));
        }
    }

    /// <summary>
    /// The "outros participantes" box: one person per line, "Nome — cargo", the role after an em dash, an en dash
    /// or a spaced hyphen, and optional. Blank lines are skipped and repeated lines kept once.
    /// </summary>
    public static (IReadOnlyList<(string Name, string? Role)> People, IReadOnlyList<string> Errors) ParseOthers(string? text)
    {
        var people = new List<(string Name, string? Role)>();
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (people, errors);
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var number = i + 1;
            var (name, role) = Split(line);
            if (name.Length == 0)
            {
                errors.Add($"Linha {number}: informe o nome antes do cargo.");
                continue;
            }
            if (name.Length > NameMaxLength)
            {
                errors.Add($"Linha {number}: o nome deve ter até {NameMaxLength} caracteres.");
                continue;
            }
            if (role?.Length > RoleMaxLength)
            {
                errors.Add($"Linha {number}: o cargo deve ter até {RoleMaxLength} caracteres.");
                continue;
            }
            if (!people.Any(p => string.Equals(p.Name, name, StringComparison.CurrentCultureIgnoreCase)
                && string.Equals(p.Role, role, StringComparison.CurrentCultureIgnoreCase)))
            {
                people.Add((name, role));
            }
        }
        if (people.Count > MaxOtherParticipants)
        {
            errors.Add($"Informe no máximo {MaxOtherParticipants} outros participantes.");
        }
        return (people, errors);
    }

    private static (string Name, string? Role) Split(string line)
    {
        foreach (var separator in _separators)
        {
            var at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
            {
                var role = line[(at + separator.Length)..].Trim();
                return (line[..at].Trim(), role.Length == 0 ? null : role);
            }
        }
        return (line, null);
    }

    /// <summary>Copies the form into the meeting, participants included. Call only when the input is valid.</summary>
    public void ApplyTo(CommitteeMeeting meeting, IReadOnlyList<ParticipantOption> users)
    {
        meeting.Date = Date!.Value;
        meeting.Title = Title.Trim();
        meeting.Agenda = Clean(Agenda);
        // Leading spaces mean something in Markdown (an indented first line is code): only the end is trimmed.
        meeting.Minutes = string.IsNullOrWhiteSpace(Minutes) ? null : Minutes.TrimEnd();
        meeting.PlanId = PlanId;

        // Users: keep the ones still checked (their name and role refreshed), add the new ones.
        var chosen = UserIds.ToHashSet();
        meeting.Participants.RemoveAll(p => p.UserId is int id && !chosen.Contains(id));
        foreach (var user in users.Where(u => chosen.Contains(u.UserId)))
        {
            var existing = meeting.Participants.FirstOrDefault(p => p.UserId == user.UserId);
            if (existing is null)
            {
                meeting.Participants.Add(new MeetingParticipant
                {
                    OrganizationId = meeting.OrganizationId, UserId = user.UserId, Name = Truncate(user.Name, NameMaxLength)!,
                    Role = Truncate(user.Role, RoleMaxLength),
                });
            }
            else
            {
                existing.Name = Truncate(user.Name, NameMaxLength)!;
                existing.Role = Truncate(user.Role, RoleMaxLength);
            }
        }

        // Others: kept when the same line is still there, so an unchanged list writes nothing to the history.
        var (people, _) = ParseOthers(OtherParticipants);
        var remaining = people.ToList();
        foreach (var participant in meeting.Participants.Where(p => p.UserId is null).ToList())
        {
            var index = remaining.FindIndex(p => p.Name == participant.Name && p.Role == participant.Role);
            if (index >= 0)
            {
                remaining.RemoveAt(index);
            }
            else
            {
                meeting.Participants.Remove(participant);
            }
        }
        meeting.Participants.AddRange(remaining.Select(p => new MeetingParticipant
        {
            OrganizationId = meeting.OrganizationId, Name = p.Name, Role = p.Role,
        }));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
