using Microsoft.AspNetCore.Mvc.Rendering;

namespace Sispmpi.Web.Features.Monitoring.Meetings;

/// <summary>What the meeting form partial needs.</summary>
public sealed record MeetingFormView(MeetingInput Input, IReadOnlyList<SelectListItem> Plans, IReadOnlyList<ParticipantOption> Users);
