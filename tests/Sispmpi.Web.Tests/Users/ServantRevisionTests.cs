using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sispmpi.Web.Features.Formulation.Lifecycle;
using Sispmpi.Web.Features.Users.Servants;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Tests.Infrastructure;
using static Sispmpi.Web.Tests.Execution.ExecutionTestData;

namespace Sispmpi.Web.Tests.Users;

/// <summary>A revision of the plan carries the servants without an account along with the rest of an action's staff.</summary>
public sealed class ServantRevisionTests(SispmpiAppFactory app) : IClassFixture<SispmpiAppFactory>
{
    [Fact]
    public async Task A_revision_keeps_the_servant_responsible_and_the_servants_involved()
    {
        var (responsibleId, involvedId) = await app.WithDbAsync(async db =>
        {
            var organizationId = await db.Organizations.Where(o => o.Acronym == "SEPLAG").Select(o => o.Id).SingleAsync();
            var responsible = new Servant { OrganizationId = organizationId, Name = "Responsável da revisão", Registration = "1010101" };
            var involved = new Servant { OrganizationId = organizationId, Name = "Envolvida da revisão", Registration = "2020202" };
            db.Servants.AddRange(responsible, involved);
            await db.SaveChangesAsync();
            return (responsible.Id, involved.Id);
        });
        var actionId = await app.CreateActionAsync("Ação revista com servidores", a => { a.ResponsibleUserId = null; a.ResponsibleServantId = responsibleId; });
        await app.WithDbAsync(async db =>
        {
            var action = await db.PlanActions.SingleAsync(a => a.Id == actionId);
            db.ActionServants.Add(new ActionServant { OrganizationId = action.OrganizationId, ActionId = actionId, ServantId = involvedId });
            await db.SaveChangesAsync();
        });

        int revisionId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseSystem();
            var planId = (await app.ActionAsync(actionId)).PlanId;
            var (id, error) = await scope.ServiceProvider.GetRequiredService<PlanLifecycle>().CreateRevisionAsync(planId);
            error.ShouldBeNull();
            revisionId = id!.Value;
        }

        var copy = await app.WithDbAsync(db => db.PlanActions.AsNoTracking().SingleAsync(a => a.PlanId == revisionId && a.OriginActionId == actionId));
        copy.ResponsibleServantId.ShouldBe(responsibleId);
        copy.ResponsibleUserId.ShouldBeNull();
        (await app.WithDbAsync(db => db.ActionServants.Where(p => p.ActionId == copy.Id).Select(p => p.ServantId).ToListAsync())).ShouldBe([involvedId]);
    }
}
