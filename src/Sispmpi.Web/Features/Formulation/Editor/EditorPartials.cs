namespace Sispmpi.Web.Features.Formulation.Editor;

/// <summary>The ↑/↓ buttons of one node: ordinary forms, so they work by keyboard and without JavaScript.</summary>
public sealed record MoveButtons(string Handler, string Field, int Id, string Name);

public sealed record ActionList(int PlanId, int AxisId, IReadOnlyList<IndexModel.ActionRow> Actions, bool CanEdit, string Caption);
