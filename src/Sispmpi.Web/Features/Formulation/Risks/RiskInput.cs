using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Formulation;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Formulation.Risks;

/// <summary>The risk form (SPEC §3.1, 2e): what the commission types, validated in Portuguese.</summary>
public sealed class RiskInput
{
    /// <summary>The value of the "Outra" option of the category select: the category is then typed.</summary>
    public const string OtherCategory = "__outra__";

    private const string RatingMessage = "Escolha um valor de 1 a 5.";

    [Required(ErrorMessage = "Escolha a categoria do risco.")]
    public string Category { get; set; } = "";

    [StringLength(200, ErrorMessage = "A categoria deve ter até 200 caracteres.")]
    public string? OtherCategoryName { get; set; }

    [Required(ErrorMessage = "Informe o título do risco.")]
    [StringLength(500, ErrorMessage = "O título deve ter até 500 caracteres.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "A causa deve ter até 4.000 caracteres.")]
    public string? Cause { get; set; }

    [StringLength(4000, ErrorMessage = "A consequência deve ter até 4.000 caracteres.")]
    public string? Consequence { get; set; }

    [Required(ErrorMessage = "Escolha a probabilidade.")]
    [Range(RiskMatrix.MinRating, RiskMatrix.MaxRating, ErrorMessage = RatingMessage)]
    public int? Probability { get; set; }

    [Required(ErrorMessage = "Escolha o impacto.")]
    [Range(RiskMatrix.MinRating, RiskMatrix.MaxRating, ErrorMessage = RatingMessage)]
    public int? Impact { get; set; }

    [StringLength(4000, ErrorMessage = "Os controles existentes devem ter até 4.000 caracteres.")]
    public string? ExistingControls { get; set; }

    [Required(ErrorMessage = "Escolha a probabilidade residual.")]
    [Range(RiskMatrix.MinRating, RiskMatrix.MaxRating, ErrorMessage = RatingMessage)]
    public int? ResidualProbability { get; set; }

    [Required(ErrorMessage = "Escolha o impacto residual.")]
    [Range(RiskMatrix.MinRating, RiskMatrix.MaxRating, ErrorMessage = RatingMessage)]
    public int? ResidualImpact { get; set; }

    /// <summary>The plan actions that treat the risk.</summary>
    public List<int> ActionIds { get; set; } = [];

    public RiskLevel? InherentLevel => RiskLabels.LevelOrNull(Probability, Impact);
    public RiskLevel? ResidualLevel => RiskLabels.LevelOrNull(ResidualProbability, ResidualImpact);

    public static RiskInput From(IntegrityRisk risk, IReadOnlyCollection<string> activeCategories)
    {
        var known = activeCategories.Contains(risk.Category);
        return new RiskInput
        {
            Category = known ? risk.Category : OtherCategory,
            OtherCategoryName = known ? null : risk.Category,
            Title = risk.Title,
            Cause = risk.Cause,
            Consequence = risk.Consequence,
            Probability = risk.Probability,
            Impact = risk.Impact,
            ExistingControls = risk.ExistingControls,
            ResidualProbability = risk.ResidualProbability,
            ResidualImpact = risk.ResidualImpact,
            ActionIds = risk.Treatments.Select(t => t.ActionId).ToList(),
        };
    }

    /// <summary>The rules beyond the attributes; every message names its field, in Portuguese.</summary>
    public void Validate(ModelStateDictionary modelState, IReadOnlyCollection<string> activeCategories, IReadOnlyCollection<int> planActionIds)
    {
        // A tampered value (letters in a rating, say) gets model binding's general message: say what the field takes.
        foreach (var field in new[] { nameof(Probability), nameof(Impact), nameof(ResidualProbability), nameof(ResidualImpact) })
        {
            ReplaceBindingErrors(modelState, $"Input.{field}", RatingMessage);
        }
        foreach (var key in modelState.Keys.Where(k => k.StartsWith("Input.ActionIds", StringComparison.Ordinal)).ToList())
        {
            ReplaceBindingErrors(modelState, key, "Escolha ações deste plano.");
        }

        if (Category == OtherCategory)
        {
            if (string.IsNullOrWhiteSpace(OtherCategoryName))
            {
                modelState.AddModelError("Input.OtherCategoryName", "Informe a categoria do risco, já que escolheu “Outra”.");
            }
        }
        else if (!string.IsNullOrEmpty(Category) && !activeCategories.Contains(Category))
        {
            modelState.AddModelError("Input.Category", "Escolha uma categoria da lista ou “Outra”.");
        }

        if (RiskLabels.IsRating(Probability) && RiskLabels.IsRating(Impact)
            && RiskLabels.IsRating(ResidualProbability) && RiskLabels.IsRating(ResidualImpact)
            && !RiskMatrix.ResidualIsConsistent(Probability!.Value, Impact!.Value, ResidualProbability!.Value, ResidualImpact!.Value))
        {
            // Existing controls only lower a risk: say which rating went up.
            if (ResidualProbability > Probability)
            {
                modelState.AddModelError("Input.ResidualProbability",
                    $"A probabilidade residual ({ResidualProbability} — {RiskLabels.Probability(ResidualProbability.Value)}) não pode ser maior que a inerente ({Probability} — {RiskLabels.Probability(Probability.Value)}): os controles existentes só reduzem o risco.");
            }
            if (ResidualImpact > Impact)
            {
                modelState.AddModelError("Input.ResidualImpact",
                    $"O impacto residual ({ResidualImpact} — {RiskLabels.Impact(ResidualImpact.Value)}) não pode ser maior que o inerente ({Impact} — {RiskLabels.Impact(Impact.Value)}): os controles existentes só reduzem o risco.");
            }
        }

        if (ActionIds.Any(id => !planActionIds.Contains(id)))
        {
            modelState.AddModelError("Input.ActionIds", "Escolha ações deste plano.");
        }
    }

    /// <summary>Copies the form into the risk, treatments included. Call only when the input is valid.</summary>
    public void ApplyTo(IntegrityRisk risk)
    {
        risk.Category = Category == OtherCategory ? OtherCategoryName!.Trim() : Category;
        risk.Title = Title.Trim();
        risk.Cause = Clean(Cause);
        risk.Consequence = Clean(Consequence);
        risk.Probability = Probability!.Value;
        risk.Impact = Impact!.Value;
        risk.ExistingControls = Clean(ExistingControls);
        risk.ResidualProbability = ResidualProbability!.Value;
        risk.ResidualImpact = ResidualImpact!.Value;
        var chosen = ActionIds.ToHashSet();
        risk.Treatments.RemoveAll(t => !chosen.Contains(t.ActionId));
        foreach (var actionId in chosen.Where(id => risk.Treatments.All(t => t.ActionId != id)))
        {
            risk.Treatments.Add(new RiskTreatment { OrganizationId = risk.OrganizationId, ActionId = actionId });
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void ReplaceBindingErrors(ModelStateDictionary modelState, string key, string message)
    {
        if (modelState.TryGetValue(key, out var entry) && entry.Errors.Any(e => e.Exception is not null || PortugueseBindingMessages.IsBindingMessage(e.ErrorMessage)))
        {
            entry.Errors.Clear();
            modelState.AddModelError(key, message);
        }
    }
}

/// <summary>A plan action as offered in the risk form: "1.2.3 — title".</summary>
public sealed record RiskActionOption(int Id, string Number, string Title)
{
    public string Label => $"{Number} — {Title}";
}

/// <summary>What the risk form partial needs.</summary>
public sealed record RiskFormView(RiskInput Input, IReadOnlyList<SelectListItem> Categories, IReadOnlyList<RiskActionOption> Actions, bool CanEdit);

/// <summary>What the risk pages share: who may change the register, and the choices the form offers.</summary>
public static class RiskRegister
{
    /// <summary>
    /// The commission of the plan's own organization, while the plan is not published or obsolete. (The write
    /// filters already refuse the rest; this also keeps a central body's user out of a subordinate's plan.)
    /// </summary>
    public static bool CanEdit(IntegrityPlan plan, TenantContext tenant) =>
        !plan.IsReadOnly && plan.OrganizationId == tenant.CurrentOrganizationId && Policies.Allows(Policies.FormulationEdit, tenant);

    public static async Task<IReadOnlyList<string>> ActiveCategoriesAsync(SispmpiDbContext db) =>
        await db.CatalogItems.AsNoTracking()
            .Where(c => c.Kind == CatalogKind.RiskCategory && c.IsActive)
            .OrderBy(c => c.Position).ThenBy(c => c.Name)
            .Select(c => c.Name)
            .ToListAsync();

    public static IReadOnlyList<SelectListItem> CategoryItems(IReadOnlyList<string> categories) =>
        categories.Select(c => new SelectListItem(c, c)).Append(new SelectListItem("Outra (informe abaixo)", RiskInput.OtherCategory)).ToList();

    /// <summary>The plan's actions in numbering order (1.2 before 1.10).</summary>
    public static async Task<IReadOnlyList<RiskActionOption>> ActionsAsync(SispmpiDbContext db, int planId)
    {
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Select(a => new RiskActionOption(a.Id, a.Number, a.Title)).ToListAsync();
        return actions.OrderBy(a => a.Number, NumberComparer.Instance).ThenBy(a => a.Id).ToList();
    }

    public static IReadOnlyList<SelectListItem> RatingItems(Func<int, string> describe) =>
        Enumerable.Range(RiskMatrix.MinRating, RiskMatrix.MaxRating - RiskMatrix.MinRating + 1)
            .Select(r => new SelectListItem($"{r} — {describe(r)}", r.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private sealed class NumberComparer : IComparer<string>
    {
        public static readonly NumberComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? "").Split('.');
            var b = (y ?? "").Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var byPart = int.TryParse(a[i], out var m) && int.TryParse(b[i], out var n)
                    ? m.CompareTo(n)
                    : string.CompareOrdinal(a[i], b[i]);
                if (byPart != 0)
                {
                    return byPart;
                }
            }
            return a.Length.CompareTo(b.Length);
        }
    }
}
