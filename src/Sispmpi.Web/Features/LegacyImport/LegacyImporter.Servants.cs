using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Users.Servants;

namespace Sispmpi.Web.Features.LegacyImport;

/// <summary>The original's people without an account (<c>servidor</c>) and the staff of its actions (<c>acao_servidor</c>).</summary>
public sealed partial class LegacyImporter
{
    /// <summary>
    /// Every servant of the body becomes a registered servant without an account (name, MASP/registration, unit). The
    /// original registers the same person again on each commission form, so repeats (same name and registration) are one.
    /// </summary>
    private async Task WriteServantsAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        var added = new Dictionary<(string, string), (Servant Servant, List<int> LegacyIds)>();
        foreach (var row in Owned("servidor", legacyBody))
        {
            var name = Cut(row.Text("nome"), 200);
            if (name is null)
            {
                continue;
            }
            var registration = row.Text("masp_matricula");
            if (registration is { Length: > 30 })
            {
                _report.Notes.Add($"Servidor {name} (id {row.Id}): a matrícula \"{registration}\" passa de 30 caracteres e foi cortada.");
                registration = Cut(registration, 30);
            }
            var key = (name.ToUpperInvariant(), registration ?? "");
            if (!added.TryGetValue(key, out var entry))
            {
                entry = (new Servant
                {
                    OrganizationId = organization.Id, Name = name, Registration = registration,
                    UnitId = LinkOf("unidade_administrativa", row.IntOrNull("unidade_administrativa_id")),
                }, []);
                added[key] = entry;
                db.Servants.Add(entry.Servant);
            }
            entry.LegacyIds.Add(row.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (servant, legacyIds) in added.Values)
        {
            legacyIds.ForEach(id => Link("servidor", id, servant.Id, organization.Id));
        }
        _report.Count(LegacyKinds.Servants, added.Count);
    }

    /// <summary>
    /// The staff of an action, as the Responsabilidade tab keeps them: the one marked responsible (tipo 1) answers for
    /// the action, the others are involved in it.
    /// </summary>
    private async Task WriteActionStaffAsync(int legacyAction, PlanAction action, CancellationToken cancellationToken)
    {
        var involved = new List<(LegacyRow Row, ActionServant Staff)>();
        foreach (var staff in _source["acao_servidor"].Where(s => s.Int("acao_id") == legacyAction).OrderByDescending(s => s.Int("tipo") == 1).ThenBy(s => s.Id))
        {
            if (LinkOf("servidor", staff.Int("servidor_id")) is not { } servantId)
            {
                _report.Refusals.Add($"Ação {action.Number} ({action.Title}): o servidor id {staff.Int("servidor_id")} não existe no original.");
                continue;
            }
            if (staff.Int("tipo") == 1 && action.ResponsibleUserId is null && action.ResponsibleServantId is null)
            {
                action.ResponsibleServantId = servantId;
                _report.Count(LegacyKinds.ActionStaff);
            }
            else if (servantId != action.ResponsibleServantId && involved.All(i => i.Staff.ServantId != servantId))
            {
                var member = new ActionServant { OrganizationId = action.OrganizationId, ActionId = action.Id, ServantId = servantId };
                db.ActionServants.Add(member);
                involved.Add((staff, member));
                _report.Count(LegacyKinds.ActionStaff);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        involved.ForEach(i => Link("acao_servidor", i.Row.Id, i.Staff.Id, action.OrganizationId));
    }

    /// <summary>
    /// The original allows several types per action; they are kept joined by <see cref="ActionTypes.Separator"/>. A type
    /// name holding the separator would read as two, so its ";" becomes "," and the operator is told.
    /// </summary>
    private string ActionTypesOf(int legacyAction)
    {
        var names = new List<string>();
        foreach (var link in _source["acao_tipo"].Where(t => t.Int("acao_id") == legacyAction))
        {
            if (_source["tipo"].FirstOrDefault(x => x.Id == link.Int("tipo_id"))?.Text("nome") is not { } name)
            {
                continue;
            }
            if (name.Contains(';', StringComparison.Ordinal))
            {
                var replaced = ActionTypes.WithoutSeparator(name);
                var note = $"Tipo de ação \"{name}\" (id {link.Int("tipo_id")}): o \";\" separa os tipos nas listas e exportações e foi trocado por \",\": \"{replaced}\".";
                if (!_report.Notes.Contains(note))
                {
                    _report.Notes.Add(note);
                }
                name = replaced;
            }
            names.Add(name);
        }
        return Cut(names.Count == 0 ? "Não informado" : ActionTypes.Join(names), 100)!;
    }
}
