using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Sispmpi.Core.Identity;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Identity;

/// <summary>Accounts made for one test, and the second factor driven as a person with a phone app would.</summary>
internal static class TestUsers
{
    public const string SetUpPage = "/conta/segundo-fator";
    public const string CodePage = "/conta/entrar/codigo";

    public static async Task<(int Id, string Email)> CreateAsync(SispmpiAppFactory app, string fullName,
        params (string Acronym, Profile Profile, string? UnitAcronym)[] grants)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"t{Guid.NewGuid():N}"[..16] + "@teste.gov.br";
        var user = new AppUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user, SispmpiAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
        var wanted = grants.Length == 0 ? new[] { ("SEPLAG", Profile.Observer, (string?)null) } : grants;
        foreach (var (acronym, profile, unitAcronym) in wanted)
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync();
            int? unitId = unitAcronym is null ? null
                : await db.AdministrativeUnits.Where(u => u.OrganizationId == organizationId && u.Acronym == unitAcronym).Select(u => u.Id).SingleAsync();
            db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organizationId, Profile = profile, UnitId = unitId });
        }
        await db.SaveChangesAsync();
        return (user.Id, email);
    }

    public static async Task<T> WithUsersAsync<T>(SispmpiAppFactory app, Func<UserManager<AppUser>, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static Task<AppUser> FindAsync(SispmpiAppFactory app, string email) =>
        WithUsersAsync(app, async users => (await users.FindByEmailAsync(email))!);

    /// <summary>The code an authenticator app shows for <paramref name="key"/>, <paramref name="stepsAhead"/> periods of 30 s from now.</summary>
    public static string CodeFor(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    /// <summary>A six-digit code that no period Identity accepts now (it allows 90 s each way) would produce.</summary>
    public static string WrongCodeFor(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var valid = Enumerable.Range(-4, 9).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (123456 + i * 111).ToString("D6")).First(c => !valid.Contains(c));
    }

    /// <summary>The key as the set-up page writes it, in groups, without spaces: what a person types into the app.</summary>
    public static string SharedKey(IDocument page) =>
        page.QuerySelector("[data-shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Turns the second factor on through the set-up page; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(HttpClient client)
    {
        var page = await SispmpiAppFactory.GetDocumentAsync(client, SetUpPage);
        var key = SharedKey(page);
        using var response = await SispmpiAppFactory.PostFormAsync(client, SetUpPage + "?handler=Enable",
            new Dictionary<string, string> { ["code"] = CodeFor(key) }, formPage: SetUpPage);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await SispmpiAppFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var codes = done.QuerySelectorAll("[data-recovery-code]").Select(c => c.TextContent.Trim()).ToList();
        codes.Count.ShouldBe(10, done.Body!.TextContent);
        return (key, codes);
    }

    /// <summary>A new user with the second factor on, and his signed-in client.</summary>
    public static async Task<(string Email, HttpClient Client, string Key, IReadOnlyList<string> RecoveryCodes)> WithSecondFactorAsync(
        SispmpiAppFactory app, string fullName)
    {
        var (_, email) = await CreateAsync(app, fullName);
        var client = await app.LoginAsync(email);
        var (key, codes) = await EnableAsync(client);
        return (email, client, key, codes);
    }

    /// <summary>Posts e-mail and password on the login page; a user with the second factor lands on the code page.</summary>
    public static async Task<HttpClient> PasswordStepAsync(SispmpiAppFactory app, string email)
    {
        var client = app.CreateAnonymousClient();
        using var response = await SispmpiAppFactory.PostFormAsync(client, SispmpiAppFactory.LoginPath, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SispmpiAppFactory.DemoPassword,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith(CodePage);
        return client;
    }

    public static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code) =>
        SispmpiAppFactory.PostFormAsync(client, CodePage, new Dictionary<string, string> { ["code"] = code });

    public static Task<HttpResponseMessage> PostRecoveryCodeAsync(HttpClient client, string code) =>
        SispmpiAppFactory.PostFormAsync(client, CodePage + "?handler=Recovery", new Dictionary<string, string> { ["recoveryCode"] = code }, formPage: CodePage);
}
