using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Execution.Actions;

/// <summary>One action's execution as a PDF, for whoever reads its page: plan, responsibility, record, evidence, measurements.</summary>
[Authorize(Policy = Policies.PlansRead)]
public sealed class ActionPdfModel(SispmpiDbContext db, ActionAccess access, ActionLights lights, TimeProvider clock) : ActionPageModel(db, access, lights)
{
    public override ActionTab Tab => ActionTab.Execution;

    public async Task<IActionResult> OnGetAsync(int actionId)
    {
        if (!await LoadAsync(actionId))
        {
            return NotFound();
        }
        var a = Action;
        var organization = await Db.Organizations.AsNoTracking().Where(o => o.Id == a.OrganizationId).Select(o => o.Name).SingleAsync();
        var parent = a.Axis!.ParentId is int parentId ? await Db.PlanAxes.AsNoTracking().SingleAsync(x => x.Id == parentId) : null;
        var supportUnits = await Db.ActionSupportUnits.AsNoTracking().Where(s => s.ActionId == actionId)
            .Select(s => s.Unit!.Name).OrderBy(n => n).ToListAsync();
        var participants = await Db.ActionParticipants.AsNoTracking().Where(p => p.ActionId == actionId)
            .Select(p => p.User!.FullName).OrderBy(n => n).ToListAsync();
        // Ordered in memory: SQLite cannot order by a DateTimeOffset, and an action has few pieces of evidence.
        var evidence = (await Db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == actionId).ToListAsync())
            .OrderBy(e => e.AddedAt).ThenBy(e => e.Id).ToList();
        var measurements = await Db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == actionId)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).ToListAsync();
        var sheet = new ActionSheet(a, organization, parent, Light, supportUnits, a.ResponsibleUser?.FullName, participants, evidence, measurements);
        return File(PdfWriter.Render(ExecutionDocuments.Action(sheet, clock.GetUtcNow())), ContentTypes.Pdf, $"execucao-da-acao-{a.Number}.pdf");
    }
}
