using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Api;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Account;

[Authorize(Policy = Policies.Account)]
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SispmpiDbContext db, ApiTokens tokens, TenantContext tenant,
    TimeProvider clock) : PageModel
{
    // Named explicitly: otherwise a form posting only the other one's fields binds this one with an empty prefix,
    // and its errors ("Current", "FullName") escape ClearOther and refuse every save.
    [BindProperty(Name = nameof(Profile))]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty(Name = nameof(Password))]
    public PasswordInput Password { get; set; } = new();

    public AppUser? Account { get; private set; }

    /// <summary>Bound by hand in its own handler, so that saving the profile or the password never validates it.</summary>
    public TokenInput Token { get; set; } = new();

    public IReadOnlyList<ApiTokenRow> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created: shown in this answer only, never stored nor shown again.</summary>
    public string? CreatedSecret { get; private set; }

    public DateOnly Today => clock.Today();

    /// <summary>The organizations the user holds a profile in: a token acts in one of them.</summary>
    public IEnumerable<SelectListItem> OrganizationOptions => tenant.Grants.DistinctBy(g => g.OrganizationId)
        .Select(g => new SelectListItem($"{g.OrganizationAcronym} — {g.OrganizationName}", g.OrganizationId.ToString(CultureInfo.InvariantCulture)));

    public static readonly IReadOnlyList<SelectListItem> AccessOptions =
        [new("Somente leitura", TokenInput.ReadAccess), new("Leitura e escrita", TokenInput.WriteAccess)];

    public sealed class TokenInput
    {
        public const string ReadAccess = "leitura";
        public const string WriteAccess = "escrita";

        [Required(ErrorMessage = "Dê um nome ao token, para reconhecê-lo depois (ex.: Painel de BI).")]
        [StringLength(100, ErrorMessage = "O nome deve ter até 100 caracteres.")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Escolha a organização em que o token atua.")]
        public int? OrganizationId { get; set; }

        [Required(ErrorMessage = "Escolha o acesso do token.")]
        public string? Access { get; set; }

        public DateOnly? ExpiresOn { get; set; }
    }

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Informe o nome completo.")]
        [StringLength(200, ErrorMessage = "O nome deve ter até 200 caracteres.")]
        public string FullName { get; set; } = "";

        [StringLength(200, ErrorMessage = "O cargo deve ter até 200 caracteres.")]
        public string? Position { get; set; }

        [StringLength(30, ErrorMessage = "O MASP/matrícula deve ter até 30 caracteres.")]
        public string? Registration { get; set; }

        [StringLength(30, ErrorMessage = "O telefone deve ter até 30 caracteres.")]
        [RegularExpression(Users.FunctionalData.PhonePattern, ErrorMessage = Users.FunctionalData.PhoneMessage)]
        public string? Phone { get; set; }

        public static ProfileInput From(AppUser user) => new()
        {
            FullName = user.FullName, Position = user.Position, Registration = user.Registration, Phone = user.PhoneNumber,
        };
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Informe a senha atual.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Informe a nova senha.")]
        public string New { get; set; } = "";

        [Required(ErrorMessage = "Confirme a nova senha.")]
        [Compare(nameof(New), ErrorMessage = "A confirmação não confere com a nova senha.")]
        public string Confirmation { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        Profile = ProfileInput.From(Account);
        Tokens = await tokens.ListAsync(Account.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        // The profile and password forms were bound (empty) too: only the token's own fields count here.
        ModelState.Clear();
        Profile = ProfileInput.From(Account);
        var input = new TokenInput();
        await TryUpdateModelAsync(input, nameof(Token));
        Token = input;
        if (input.OrganizationId is int orgId && tenant.Grants.All(g => g.OrganizationId != orgId))
        {
            ModelState.AddModelError("Token.OrganizationId", "Escolha uma organização em que você tem perfil.");
        }
        if (input.Access is not null and not TokenInput.ReadAccess and not TokenInput.WriteAccess)
        {
            ModelState.AddModelError("Token.Access", "Escolha somente leitura ou leitura e escrita.");
        }
        if (input.ExpiresOn < clock.Today())
        {
            ModelState.AddModelError("Token.ExpiresOn", "A validade não pode ser anterior a hoje.");
        }
        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(Account.Id);
            return Page();
        }
        var (created, secret) = await tokens.CreateAsync(Account.Id, input.OrganizationId!.Value, input.Name!, input.Access == TokenInput.WriteAccess,
            input.ExpiresOn);
        // Shown in this answer, not after a redirect: the secret must not travel in a cookie nor be shown twice.
        CreatedSecret = secret;
        Token = new TokenInput();
        ModelState.Clear();
        Tokens = await tokens.ListAsync(Account.Id);
        ViewData["TokenCreated"] = created.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(int tokenId)
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        if (!await tokens.RevokeAsync(Account.Id, tokenId))
        {
            return NotFound();
        }
        TempData["Sucesso"] = "Token revogado: ele não dá mais acesso à API.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProfileAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        ClearOther(nameof(Password));
        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(Account.Id);
            return Page();
        }
        Account.FullName = Profile.FullName.Trim();
        Users.FunctionalData.Apply(Account, Profile.Position, Profile.Registration, Profile.Phone);
        await db.SaveChangesAsync();
        TempData["Sucesso"] = "Dados atualizados.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return Challenge();
        }
        ClearOther(nameof(Profile));
        Profile = ProfileInput.From(Account);
        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(Account.Id);
            return Page();
        }
        var result = await users.ChangePasswordAsync(Account, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.Current" : "Password.New", error.Description);
            }
            Tokens = await tokens.ListAsync(Account.Id);
            return Page();
        }
        await AccountSession.RefreshAsync(signIn, Account, User);
        TempData["Sucesso"] = "Senha alterada.";
        return RedirectToPage();
    }

    private void ClearOther(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }
}
