using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Users.Servants;
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
        // The staff as the Responsabilidade tab lists them: accounts, then servants without one, each with MASP and cargo.
        var participants = (await Db.ActionParticipants.AsNoTracking().Where(p => p.ActionId == actionId)
                .Select(p => new { p.User!.FullName, p.User.Registration, p.User.Position }).OrderBy(p => p.FullName).ToListAsync())
            .Select(p => Staff.Describe(p.FullName, p.Registration, p.Position))
            .Concat((await Db.ActionServants.AsNoTracking().Where(p => p.ActionId == actionId)
                    .Select(p => new { p.Servant!.Name, p.Servant.Registration, p.Servant.Position }).OrderBy(p => p.Name).ToListAsync())
                .Select(p => Staff.Describe(p.Name, p.Registration, p.Position)))
            .ToList();
        // Ordered in memory: SQLite cannot order by a DateTimeOffset, and an action has few pieces of evidence.
        var evidence = (await Db.ActionEvidence.AsNoTracking().Where(e => e.ActionId == actionId).ToListAsync())
            .OrderBy(e => e.AddedAt).ThenBy(e => e.Id).ToList();
        var measurements = await Db.ActionMeasurements.AsNoTracking().Where(m => m.ActionId == actionId)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id).ToListAsync();
        var sheet = new ActionSheet(a, organization, parent, Light, supportUnits, Staff.Responsible(a), participants, evidence, measurements);
        return File(PdfWriter.Render(ExecutionDocuments.Action(sheet, clock.GetUtcNow())), ContentTypes.Pdf, $"execucao-da-acao-{a.Number}.pdf");
    }
}
