using Microsoft.AspNetCore.Identity;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Features.Organizations;

namespace Sispmpi.Web.Features.Identity;

public sealed class AppUser : IdentityUser<int>
{
    public required string FullName { get; set; }
    /// <summary>Cargo, printed with electronic signatures.</summary>
    public string? Position { get; set; }
    /// <summary>MASP or registration number, optional, shown beside the name in staff lists and documents.</summary>
    public string? Registration { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>11 digits, unique: gov.br's <c>sub</c> is matched against it (Features/Account/GovBr).</summary>
    public string? Cpf { get; set; }
    public DateTimeOffset? LastGovBrSignInAt { get; set; }
    /// <summary>The reliability level gov.br vouched for at the last gov.br sign-in, when it named one.</summary>
    public GovBrLevel? LastGovBrLevel { get; set; }
    public List<ProfileGrant> Grants { get; set; } = [];
}

/// <summary>A profile held by a user in one organization (SPEC §1).</summary>
public sealed class ProfileGrant : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public AppUser? User { get; set; }
    public int OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public Profile Profile { get; set; }
    /// <summary>Administrative unit the person works in, when known.</summary>
    public int? UnitId { get; set; }
    public AdministrativeUnit? Unit { get; set; }
}

/// <summary>
/// An invitation to create an account: the link carries a random token; only its SHA-256 is stored, and
/// the invited person chooses the password. No password ever travels by e-mail.
/// </summary>
public sealed class Invitation : Infrastructure.Tenancy.IOrganizationScoped
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public required string Email { get; set; }
    public required string FullName { get; set; }
    public Profile Profile { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public int? InvitedById { get; set; }
}
