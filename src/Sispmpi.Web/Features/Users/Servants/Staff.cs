namespace Sispmpi.Web.Features.Users.Servants;

/// <summary>How a member of an action's staff is written in pages and documents: name, MASP and cargo when known.</summary>
public static class Staff
{
    public static string Describe(string name, string? registration, string? position)
    {
        var details = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(registration))
        {
            details.Add($"MASP {registration}");
        }
        if (!string.IsNullOrWhiteSpace(position))
        {
            details.Add(position);
        }
        return details.Count == 0 ? name : $"{name} ({string.Join(", ", details)})";
    }

    /// <summary>The responsible person of an action, a user or a servant without an account, or null when none.</summary>
    public static string? Responsible(Plans.PlanAction action) =>
        action.ResponsibleUser is { } user ? Describe(user.FullName, user.Registration, user.Position)
        : action.ResponsibleServant is { } servant ? Describe(servant.Name, servant.Registration, servant.Position)
        : null;
}
