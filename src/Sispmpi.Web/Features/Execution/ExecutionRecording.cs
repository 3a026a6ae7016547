using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Catalogs;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Formulation.Steps;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution;

/// <summary>
/// Writes an action's execution record and its goal measurements with the rules of SPEC §3.2, for the Execução tab
/// and the REST API alike: one validation, one way to save, so the two never disagree. Who may write is decided
/// before, by <see cref="ActionAccess"/>.
/// </summary>
public sealed class ExecutionRecording(SispmpiDbContext db, TenantContext tenant, TimeProvider clock)
{
    public const string NoGoalMessage = "Esta ação não tem meta quantitativa: não há o que medir.";

    /// <summary>The limiting factors the record may choose: the active catalog plus the retired ones it already holds.</summary>
    public Task<IReadOnlyList<ChoiceOption>> LimitingFactorOptionsAsync(PlanAction action) =>
        Choices.OptionsAsync(db, CatalogKind.LimitingFactor, action.LimitingFactors);

    /// <summary>
    /// Validates the record (errors go to <paramref name="state"/>, under <c>Record.</c>) and saves it when valid and
    /// changed; false when invalid, and then nothing is saved.
    /// </summary>
    public async Task<bool> RecordAsync(PlanAction action, RecordInput input, IReadOnlyList<ChoiceOption> limitingFactorOptions,
        ModelStateDictionary state, CancellationToken cancellationToken = default)
    {
        input.Validate(state, clock.Today());
        if (!state.IsValid)
        {
            return false;
        }
        if (input.ApplyTo(action, Choices.Keep(limitingFactorOptions, input.LimitingFactors)))
        {
            action.LastUpdateAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Validates the measurement (errors under <c>Measurement.</c>) and records it; the latest measurement becomes
    /// the action's current value. Null when invalid, and then nothing is saved. The action must have a goal
    /// (<see cref="NoGoalMessage"/>).
    /// </summary>
    public async Task<ActionMeasurement?> AddMeasurementAsync(PlanAction action, MeasurementInput input, ModelStateDictionary state,
        CancellationToken cancellationToken = default)
    {
        if (action.GoalTarget is null)
        {
            throw new InvalidOperationException(NoGoalMessage);
        }
        input.Validate(state, clock.Today());
        if (!state.IsValid)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var measurement = new ActionMeasurement
        {
            OrganizationId = action.OrganizationId, ActionId = action.Id, MeasuredOn = input.MeasuredOn!.Value, Value = input.Value!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(), RecordedAt = now, RecordedById = tenant.UserId,
        };
        db.ActionMeasurements.Add(measurement);
        await db.SaveChangesAsync(cancellationToken);
        await UpdateCurrentValueAsync(action, now, cancellationToken);
        return measurement;
    }

    public async Task RemoveMeasurementAsync(PlanAction action, ActionMeasurement measurement, CancellationToken cancellationToken = default)
    {
        db.ActionMeasurements.Remove(measurement);
        await db.SaveChangesAsync(cancellationToken);
        await UpdateCurrentValueAsync(action, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The latest measurement (by date, then by when it was recorded) is the action's current value.</summary>
    private async Task UpdateCurrentValueAsync(PlanAction action, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = await db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == action.Id)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id).Select(m => (decimal?)m.Value).FirstOrDefaultAsync(cancellationToken);
        action.CurrentValue = latest;
        action.LastUpdateAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
