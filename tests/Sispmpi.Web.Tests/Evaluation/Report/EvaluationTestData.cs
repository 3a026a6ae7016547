using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Evaluation;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;

namespace Sispmpi.Web.Tests.Evaluation.Report;

/// <summary>What the evaluation tests share: demo accounts, today in Brasília, and records written straight to the database.</summary>
internal static class EvaluationTestData
{
    public const string Auditor = "auditor@demo.gov.br";
    public const string Head = "alta@demo.gov.br";
    public const string Executor = "executor@demo.gov.br";
    public const string Observer = "observador@demo.gov.br";
    public const string Organization = "Secretaria de Estado de Planejamento e Gestão";

    private static readonly TimeZoneInfo _brasilia = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>Today in Brasília, the day the application dates everything by.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _brasilia).DateTime);

    /// <summary>The value a date input posts.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Br(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Noon of a day in Brasília, as UTC (PostgreSQL stores only UTC instants).</summary>
    public static DateTimeOffset Noon(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(-3)).ToUniversalTime();

    /// <summary>A text with a unique suffix, so that a test finds exactly its own records.</summary>
    public static string Unique(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Pages show money with a no-break space after "R$"; tests compare with a plain one.</summary>
    public static string Plain(string? text) => (text ?? "").Replace('\u00A0', ' ').Trim();

    public static Task<int> OrganizationIdAsync(this SispmpiAppFactory app, string acronym) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Acronym == acronym).Select(o => o.Id).SingleAsync());

    public static Task<int> UserIdAsync(this SispmpiAppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<int> AddActivityAsync(this SispmpiAppFactory app, string organizationAcronym, DateOnly date, string title,
        decimal hours, string? description = null)
    {
        var organizationId = await app.OrganizationIdAsync(organizationAcronym);
        return await app.WithDbAsync(async db =>
        {
            var activity = new IntegrityActivity
            {
                OrganizationId = organizationId, Date = date, Title = title, Description = description, Hours = hours, RecordedAt = DateTimeOffset.UtcNow,
            };
            db.IntegrityActivities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });
    }

    /// <summary>Creates an active account with the demo password and one profile in one organization; returns its e-mail.</summary>
    public static async Task<string> CreateUserAsync(this SispmpiAppFactory app, string organizationAcronym, Profile profile)
    {
        var email = $"avaliacao-{Guid.NewGuid():N}"[..22] + "@demo.gov.br";
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<SispmpiDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var organizationId = await db.Organizations.Where(o => o.Acronym == organizationAcronym).Select(o => o.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, FullName = "Pessoa de outra organização", EmailConfirmed = true };
        var created = await users.CreateAsync(user, SispmpiAppFactory.DemoPassword);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organizationId, Profile = profile });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A SEPLAG plan of its own (obsolete unless told, so no dashboard of the demo shows it), with its top axes and sub-axes.</summary>
    public static async Task<(IntegrityPlan Plan, Dictionary<string, PlanAxis> Axes)> CreatePlanAsync(SispmpiDbContext db, string title,
        PlanStatus status, DateOnly validFrom, params (string Number, string? Parent)[] axes)
    {
        var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
        var plan = new IntegrityPlan
        {
            OrganizationId = organizationId, Title = title, Edition = $"{validFrom.Year}–{validFrom.Year + 1}", Status = status,
            ValidFrom = validFrom, ValidTo = validFrom.AddYears(2).AddDays(-1), CreatedAt = Noon(validFrom.Year, 1, 1),
            PublishedAt = status is PlanStatus.Published or PlanStatus.Obsolete ? Noon(validFrom.Year, 1, 2) : null,
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var created = new Dictionary<string, PlanAxis>();
        var position = 0;
        foreach (var (number, parent) in axes)
        {
            var axis = new PlanAxis
            {
                OrganizationId = organizationId, PlanId = plan.Id, ParentId = parent is null ? null : created[parent].Id, Position = ++position,
                Number = number, Title = $"Eixo de teste {number}",
            };
            db.PlanAxes.Add(axis);
            await db.SaveChangesAsync();
            created[number] = axis;
        }
        return (plan, created);
    }

    public static PlanAction Action(IntegrityPlan plan, PlanAxis axis, string number, string title, ActionClassification classification,
        DateOnly? plannedEnd, DateOnly? started = null, DateOnly? concluded = null, DateOnly? discontinued = null,
        decimal? planned = null, decimal? spent = null)
    {
        var action = new PlanAction
        {
            OrganizationId = plan.OrganizationId, PlanId = plan.Id, AxisId = axis.Id, Position = int.Parse(number.Split('.')[^1], CultureInfo.InvariantCulture),
            Number = number, Title = title, ActionType = "Processo", Classification = classification,
            PlannedStart = plannedEnd?.AddDays(-200), PlannedEnd = plannedEnd, StartedOn = started, ConcludedOn = concluded,
            DiscontinuedOn = discontinued, DiscontinuationJustification = discontinued is null ? null : "Perdeu o objeto.",
            PlannedBudget = planned, BudgetSpent = spent,
        };
        action.RefreshStatus();
        return action;
    }

    public static Recommendation Recommend(IntegrityPlan plan, PlanAction? action, string text, DateTimeOffset made,
        RecommendationSource source = RecommendationSource.InternalControl, DateOnly? deadline = null, string? answer = null,
        DateTimeOffset? answeredAt = null) => new()
    {
        OrganizationId = plan.OrganizationId, PlanId = plan.Id, ActionId = action?.Id, Source = source, Text = text, CreatedAt = made,
        Deadline = deadline, Answer = answer, AnsweredAt = answer is null ? null : answeredAt,
    };
}
