using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Execution.Actions;
using Sispmpi.Web.Features.Monitoring;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Web;
using static Sispmpi.Web.Features.Api.ApiEndpoints;

namespace Sispmpi.Web.Features.Api;

/// <summary>The organizations of the visible network.</summary>
internal static class OrganizationsEndpoints
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/organizations", Organizations).Read(Policies.Organizations, "/organizacoes")
            .WithSummary("Organizações da rede visível (administrador central). Filtro q: nome ou sigla.");
        api.MapGet("/organizations/{orgId:int}", Organization).Read(Policies.Organizations, "/organizacoes/{orgId:int}").ProducesProblem(404)
            .WithSummary("Uma organização.");
    }

    private static async Task<IResult> Organizations(SispmpiDbContext db, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (Paging(page, pageSize) is { } invalid)
        {
            return invalid;
        }
        var query = db.Organizations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = SearchText.Term(q)!;
            query = query.Where(o => SearchText.Fold(o.Name)!.Contains(term) || SearchText.Fold(o.Acronym)!.Contains(term));
        }
        var paged = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToPagedAsync(page ?? 1, pageSize ?? PagedExtensions.DefaultPageSize, cancellationToken);
        return Results.Ok(PageOf<OrganizationDto>.From(paged.Map(OrganizationDto.From)));
    }

    private static async Task<IResult> Organization(int orgId, SispmpiDbContext db, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken) is { } organization
            ? Results.Ok(OrganizationDto.From(organization))
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Organização não encontrada.");
}
