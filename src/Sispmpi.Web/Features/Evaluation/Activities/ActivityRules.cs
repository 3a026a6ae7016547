using Sispmpi.Web.Features.Formulation;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Activities;

/// <summary>
/// Who keeps the activity log: internal control (<see cref="Policies.EvaluationWrite"/>) of the activity's own
/// organization. Reading follows <see cref="Policies.Evaluation"/> (internal control and the head).
/// </summary>
public static class ActivityRules
{
    public const string WriteMessage = "O registro de atividades de promoção da integridade é mantido pelo controle interno do órgão.";

    public const string ListUrl = "/avaliacao/atividades";

    public static bool CanWrite(TenantContext tenant, int organizationId) =>
        organizationId == tenant.CurrentOrganizationId && Policies.Allows(Policies.EvaluationWrite, tenant);

    /// <summary>403, with the reason shown on the error page.</summary>
    public static Refusal Refuse() => Refusal.Forbidden(WriteMessage);

    public static string YearUrl(int year) => $"{ListUrl}?ano={year}";

    /// <summary>Hours in words: "1 hora", "7,75 horas".</summary>
    public static string HoursText(decimal hours) => hours == 1m ? "1 hora" : $"{Shared.Labels.Decimal(hours)} horas";
}
