namespace Sispmpi.Web.Features.Transparency;

/// <summary>
/// The public area (SPEC §6): the transparency portal and open data, for anyone without signing in. It shows published
/// plans of every organization on purpose, so the authorization sweep's check that one organization never sees another's
/// data does not apply to it; its own tests check that it shows nothing but published plans and no personal data.
/// </summary>
public static class PublicArea
{
    public const string Portal = "/transparencia";
    public const string OpenData = "/dados-abertos";

    public static bool Contains(string path)
    {
        var normalized = "/" + path.TrimStart('/');
        return IsUnder(normalized, Portal) || IsUnder(normalized, OpenData);
    }

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase);
}
