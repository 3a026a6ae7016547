using Microsoft.AspNetCore.Identity;

namespace Sispmpi.Web.Features.Identity;

/// <summary>Identity's validation messages in Brazilian Portuguese.</summary>
public sealed class PortugueseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Ocorreu um erro inesperado.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "O registro foi alterado por outra pessoa. Recarregue a página e tente de novo.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Senha incorreta.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "O link é inválido ou expirou. Solicite um novo.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Já existe um usuário com este login.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"O nome de usuário '{userName}' é inválido.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"O e-mail '{email}' é inválido.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"O usuário '{userName}' já está cadastrado.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"O e-mail '{email}' já está cadastrado.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "O usuário já possui senha.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "O bloqueio não está habilitado para este usuário.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"A senha deve ter pelo menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"A senha deve ter pelo menos {uniqueChars} caracteres diferentes.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "A senha deve ter pelo menos um caractere especial.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "A senha deve ter pelo menos um número.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "A senha deve ter pelo menos uma letra minúscula.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "A senha deve ter pelo menos uma letra maiúscula.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Código de recuperação inválido.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
