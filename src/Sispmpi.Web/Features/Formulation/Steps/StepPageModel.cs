using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>What the top of a step page shows: where the step stands and what it still lacks.</summary>
/// <param name="ShowMissing">False where the page lists what is missing closer to the fields (the diagnosis tabs).</param>
/// <param name="PlanIsReadOnly">A published or obsolete plan: consulted only, nothing blocked and nothing left to do.</param>
public sealed record StepHeaderView(int PlanId, StepProgress Step, FormulationProgress Progress, string? ReadOnlyReason, bool PlanIsReadOnly,
    bool ShowMissing = true);

/// <summary>
/// The common ground of the step pages: the plan, its formulation progress, whether the current user may
/// change the step, and the breadcrumb trail Elaboração › plan › Etapas › step.
/// </summary>
public abstract class StepPageModel(SispmpiDbContext db, FormulationProgressService progress, TenantContext tenant) : PageModel
{
    public const string CommissionOnlyMessage =
        "Somente a comissão de integridade altera esta etapa. Você pode consultar o que já foi registrado.";

    protected SispmpiDbContext Db => db;
    protected TenantContext Tenant => tenant;

    public string CurrentUserName => tenant.UserName;

    public IntegrityPlan Plan { get; private set; } = null!;
    public FormulationProgress Progress { get; private set; } = null!;

    /// <summary>The plan is still being formulated and the user belongs to the commission.</summary>
    public bool CanEdit => !Plan.IsReadOnly && Policies.Allows(Policies.FormulationEdit, tenant);

    public string? ReadOnlyReason => Plan.IsReadOnly ? EditablePlanAttribute.ReadOnlyMessage : CanEdit ? null : CommissionOnlyMessage;

    /// <summary>A request naming a handler the page does not have (a misspelt <c>?handler=</c>) finds nothing here.</summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
        }
    }

    /// <summary>Loads the plan (null when it does not exist or is not visible) and its progress.</summary>
    protected async Task<bool> LoadAsync(int planId)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        await RefreshProgressAsync();
        return true;
    }

    protected async Task RefreshProgressAsync() => Progress = (await progress.ProgressAsync(Plan.Id))!;

    public StepHeaderView Header(FormulationStep step) => new(Plan.Id, Progress[step], Progress, ReadOnlyReason, Plan.IsReadOnly);

    public IReadOnlyList<Crumb> Crumbs(string current, Crumb? parent = null)
    {
        var crumbs = new List<Crumb>
        {
            new("Elaboração", "/elaboracao"),
            new(Plan.Title, $"/planos/{Plan.Id}"),
            new("Etapas", $"/planos/{Plan.Id}/etapas"),
        };
        if (parent is not null)
        {
            crumbs.Add(parent);
        }
        crumbs.Add(new Crumb(current));
        return crumbs;
    }

    /// <summary>Adds a message at the top of the form (the empty key), shown by <c>_FormErrors</c>.</summary>
    protected void AddFormError(string message) => ModelState.AddModelError(string.Empty, message);

    public IEnumerable<string> FormErrors =>
        ModelState.TryGetValue(string.Empty, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}

/// <summary>Reading typed text into values, with Portuguese messages next to the field when it does not parse.</summary>
public static class FormValues
{
    private static readonly string[] _dateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A date as sent by a date field (yyyy-MM-dd) or typed (dd/MM/yyyy); null when blank.</summary>
    public static DateOnly? Date(ModelStateDictionary modelState, string key, string? text, string label, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Informe {label}.");
            }
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), _dateFormats, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2200)
        {
            return date;
        }
        modelState.AddModelError(key, $"Informe {label} como uma data válida, no formato dd/mm/aaaa.");
        return null;
    }

    /// <summary>A whole number within a range; null when blank.</summary>
    public static int? Number(ModelStateDictionary modelState, string key, string? text, string label, int min, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                modelState.AddModelError(key, $"Informe {label}.");
            }
            return null;
        }
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }
        modelState.AddModelError(key, $"Informe {label}: um número inteiro de {min} a {Labels.Number(max)}.");
        return null;
    }

    /// <summary>An absolute http or https address; null when blank.</summary>
    public static string? Link(ModelStateDictionary modelState, string key, string? text, string label, bool required = false) =>
        WebAddress.Read(modelState, key, text, required ? $"Informe {label}." : null)?.Text;

    public static string DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
