using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Core.Plans;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Data;

/// <summary>
/// The demo network (README): a state comptroller, a secretariat, a city hall and a city council, one account
/// per profile, and a published plan whose actions cover every status. Dates are relative to today so that
/// the traffic lights stay meaningful whenever the demo is started. Later modules extend this seed.
/// </summary>
public sealed partial class DemoSeeder(SispmpiDbContext db, UserManager<AppUser> users, IOptions<DemoOptions> options,
    TimeProvider clock, IFileStore files, ILogger<DemoSeeder> logger)
{
    public const string Domain = "demo.gov.br";

    public const string AltaCpf = "52998224725";
    public const string AdminCpf = "11144477735";

    public static readonly IReadOnlyList<(string Email, string Name, Profile Profile)> Accounts =
    [
        ("admin@demo.gov.br", "Ana Administradora", Profile.CentralAdministrator),
        ("ti@demo.gov.br", "Tiago Suporte", Profile.TechnicalSupport),
        ("auditor@demo.gov.br", "Cláudia Controle", Profile.InternalControl),
        ("alta@demo.gov.br", "Henrique Secretário", Profile.SeniorManagement),
        ("comissao@demo.gov.br", "Beatriz Comissão", Profile.IntegrityCommission),
        ("monitor@demo.gov.br", "Márcio Monitoramento", Profile.MonitoringCommittee),
        ("executor@demo.gov.br", "Eduardo Executor", Profile.Executor),
        ("observador@demo.gov.br", "Olívia Observadora", Profile.Observer),
    ];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.HasRowsAsync("Organizations", cancellationToken: cancellationToken))
        {
            return false;
        }
        logger.LogInformation("Empty database: seeding the demo network");
        var today = clock.Today();

        var cge = Org("Controladoria-Geral do Estado", "CGE", "18715383000140", OrganizationKind.DirectAdministration,
            Sphere.State, Branch.Executive, null, isOversight: true);
        var seplag = Org("Secretaria de Estado de Planejamento e Gestão", "SEPLAG", "05461142000170",
            OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive, cge);
        var prefeitura = Org("Prefeitura Municipal de Ouro Preto", "PMOP", "18295295000136", OrganizationKind.CityHall,
            Sphere.Municipal, Branch.Executive, cge, ("3146107", "Ouro Preto"));
        var camara = Org("Câmara Municipal de Ouro Preto", "CMOP", "12ABC34501DE35", OrganizationKind.CityCouncil,
            Sphere.Municipal, Branch.Legislative, cge, ("3146107", "Ouro Preto"));
        Organization[] organizations = [cge, seplag, prefeitura, camara];
        db.Organizations.AddRange(organizations);
        foreach (var (org, budget, headcount) in new[] { (cge, 98_500_000m, 420), (seplag, 1_250_000_000m, 3_100), (prefeitura, 610_000_000m, 4_800), (camara, 42_000_000m, 180) })
        {
            org.YearFigures.AddRange([
                new OrganizationYearFigures { Year = today.Year - 1, Budget = budget * 0.94m, Headcount = headcount - 40 },
                new OrganizationYearFigures { Year = today.Year, Budget = budget, Headcount = headcount }]);
        }
        await db.SaveChangesAsync(cancellationToken);

        var units = new Dictionary<string, AdministrativeUnit>();
        Unit(cge, "Gabinete", "GAB");
        Unit(cge, "Subcontroladoria de Transparência e Integridade", "STI");
        Unit(cge, "Diretoria Central de Tecnologia da Informação", "DTI");
        var gab = Unit(seplag, "Gabinete", "GAB-SEPLAG");
        Unit(seplag, "Assessoria de Comunicação Social", "ASCOM", gab);
        Unit(seplag, "Controladoria Seccional", "CSET", gab);
        Unit(seplag, "Superintendência de Recursos Humanos", "SRH");
        Unit(seplag, "Superintendência de Compras e Contratos", "SCC");
        Unit(seplag, "Ouvidoria Setorial", "OUV");
        Unit(prefeitura, "Gabinete do Prefeito", "GP");
        Unit(prefeitura, "Controladoria-Geral do Município", "CGM");
        Unit(prefeitura, "Secretaria Municipal de Administração", "SMA");
        Unit(camara, "Presidência", "PRES");
        Unit(camara, "Diretoria Administrativa", "DADM");
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (email, name, profile) in Accounts)
        {
            var organization = profile is Profile.CentralAdministrator or Profile.TechnicalSupport ? cge : seplag;
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow(),
                Position = profile switch
                {
                    Profile.SeniorManagement => "Secretário de Estado",
                    Profile.InternalControl => "Controladora Seccional",
                    Profile.CentralAdministrator => "Subcontroladora de Transparência e Integridade",
                    _ => "Analista",
                },
            };
            // Demo CPFs (valid check digits, nobody's): the test gov.br provider's people carry them (tests/oidc).
            user.Cpf = email switch
            {
                "alta@demo.gov.br" => AltaCpf,
                "admin@demo.gov.br" => AdminCpf,
                _ => null,
            };
            var result = await users.CreateAsync(user, options.Value.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = organization.Id, Profile = profile });
            if (profile == Profile.Executor)
            {
                // A second organization, so the header's organization switcher has something to show.
                db.ProfileGrants.Add(new ProfileGrant { UserId = user.Id, OrganizationId = prefeitura.Id, Profile = Profile.Observer });
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        await SeedPublishedPlanAsync(seplag, units, today, cancellationToken);
        await SeedMaturityAsync(seplag, today, cancellationToken);
        await SeedNotificationsAsync(seplag, today, cancellationToken);
        var prefeituraPlan = new IntegrityPlan
        {
            OrganizationId = prefeitura.Id, Title = "Plano de Integridade da Prefeitura de Ouro Preto", Edition = $"{today.Year}–{today.Year + 1}",
            Status = PlanStatus.InPreparation, CreatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(prefeituraPlan);
        db.Plans.Add(new IntegrityPlan
        {
            OrganizationId = camara.Id, Title = "Plano de Integridade da Câmara Municipal", Edition = $"{today.Year + 1}–{today.Year + 2}",
            Status = PlanStatus.NotStarted, CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await SeedPlanInPreparationAsync(prefeitura, prefeituraPlan, units, today, cancellationToken);
        await SeedEarlierEditionAsync(prefeitura, prefeituraPlan, units, today, cancellationToken);
        // One integrity programme per body with plans; the prefeitura's two editions are cycles of the same one.
        foreach (var organizationId in await db.Plans.Select(p => p.OrganizationId).Distinct().ToListAsync(cancellationToken))
        {
            var programme = new Features.Formulation.IntegrityProgramme { OrganizationId = organizationId, CreatedAt = clock.GetUtcNow().AddDays(-800) };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var plan in await db.Plans.Where(p => p.OrganizationId == organizationId).ToListAsync(cancellationToken))
            {
                plan.ProgrammeId = programme.Id;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await Features.Adoption.Demo.AdoptionDemo.SeedAsync(db, cge.Id, today, cancellationToken);
        return true;

        AdministrativeUnit Unit(Organization org, string name, string acronym, AdministrativeUnit? parent = null)
        {
            var unit = new AdministrativeUnit { OrganizationId = org.Id, Name = name, Acronym = acronym, Parent = parent };
            db.AdministrativeUnits.Add(unit);
            units[acronym] = unit;
            return unit;
        }
    }

    private static Organization Org(string name, string acronym, string cnpj, OrganizationKind kind, Sphere sphere, Branch branch,
        Organization? parent, (string Code, string Name)? municipality = null, bool isOversight = false) => new()
        {
            Name = name, Acronym = acronym, Cnpj = Cnpj.Parse(cnpj).Value, Kind = kind, Sphere = sphere, Branch = branch,
            Parent = parent, IsOversight = isOversight, StateCode = "MG",
            MunicipalityCode = municipality?.Code, MunicipalityName = municipality?.Name,
        };
}
