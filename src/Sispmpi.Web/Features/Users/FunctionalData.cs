using System.ComponentModel.DataAnnotations;
using Sispmpi.Web.Features.Identity;

namespace Sispmpi.Web.Features.Users;

/// <summary>
/// A user's optional functional data — MASP/registration, cargo and phone — as both the user management page and
/// Minha conta edit them.
/// </summary>
public static class FunctionalData
{
    public const string PhonePattern = @"^[0-9()+\-. ]{8,30}$";
    public const string PhoneMessage = "Informe o telefone só com números, espaços, parênteses, hífen ou +, por exemplo (31) 3915-0000.";

    public static void Apply(AppUser user, string? position, string? registration, string? phone)
    {
        user.Position = Clean(position);
        user.Registration = Clean(registration);
        user.PhoneNumber = Clean(phone);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The functional data form of the user management page.</summary>
public sealed class FunctionalDataInput
{
    [StringLength(200, ErrorMessage = "O cargo deve ter até 200 caracteres.")]
    public string? Position { get; set; }

    [StringLength(30, ErrorMessage = "O MASP/matrícula deve ter até 30 caracteres.")]
    public string? Registration { get; set; }

    [StringLength(30, ErrorMessage = "O telefone deve ter até 30 caracteres.")]
    [RegularExpression(FunctionalData.PhonePattern, ErrorMessage = FunctionalData.PhoneMessage)]
    public string? Phone { get; set; }

    public static FunctionalDataInput From(AppUser user) => new() { Position = user.Position, Registration = user.Registration, Phone = user.PhoneNumber };
}
