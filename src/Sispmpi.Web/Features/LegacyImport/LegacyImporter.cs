using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;

namespace Sispmpi.Web.Features.LegacyImport;

public sealed record LegacyImportOptions(string MySqlConnectionString, string FilesFolder, string? MappingPath, bool DryRun);

/// <summary>
/// Brings an installation of the original SisPMPI (PHP/Yii2 + MySQL) over, one body at a time: each body with its
/// units, users, plans and everything under them is written in one transaction, or not at all. Bodies already
/// brought over (see <see cref="LegacyImportLink"/>) are left alone, so running it again changes nothing.
/// </summary>
public sealed partial class LegacyImporter(
    SispmpiDbContext db,
    TenantContext tenant,
    IFileStore files,
    Notifications.Notifier notifier,
    ILookupNormalizer normalizer,
    IOptions<Infrastructure.Email.MailOptions> mailOptions,
    IOptions<Execution.ExecutionOptions> executionOptions,
    TimeProvider clock)
{
    public const string DefaultMappingFile = "sispmpi-mapeamento.csv";
    public const string ImportUserName = "Importação do SisPMPI";

    // The original's eight roles (auth_assignment.item_name) and the profile each becomes here.
    private static readonly Dictionary<string, Profile> _roles = new(StringComparer.Ordinal)
    {
        ["Administrador"] = Profile.CentralAdministrator,
        ["TI"] = Profile.TechnicalSupport,
        ["Auditor"] = Profile.InternalControl,
        ["Alta Administração"] = Profile.SeniorManagement,
        ["Grupo de Trabalho"] = Profile.IntegrityCommission,
        ["Monitoramento"] = Profile.MonitoringCommittee,
        ["Executor"] = Profile.Executor,
        ["Observador"] = Profile.Observer,
    };

    private LegacySource _source = null!;
    private LegacyImportReport _report = null!;
    private LegacyOwnership _owners = null!;
    private readonly Dictionary<(string Kind, int LegacyId), int> _links = [];
    private readonly List<string> _storedFiles = [];
    private bool _dryRun;
    private DateTimeOffset _now;

    public async Task<LegacyImportReport> RunAsync(LegacyImportOptions options, CancellationToken cancellationToken = default)
    {
        _dryRun = options.DryRun;
        _report = new LegacyImportReport { DryRun = options.DryRun };
        _source = await LegacySource.LoadAsync(options.MySqlConnectionString, cancellationToken);
        _owners = new LegacyOwnership(_source);
        _now = clock.GetUtcNow();
        tenant.UseSystem(ImportUserName);
        await LoadLinksAsync(cancellationToken);

        var imported = await db.LegacyImportLinks.AsNoTracking()
            .Where(l => l.Kind == "orgao").Select(l => l.LegacyId).ToListAsync(cancellationToken);
        var pending = _source["orgao"].Where(o => !imported.Contains(o.Id)).ToList();
        _report.SkippedBodies.AddRange(_source["orgao"].Where(o => imported.Contains(o.Id)).Select(o => o.Text("sigla") ?? $"id {o.Id}"));
        if (pending.Count == 0)
        {
            return _report;
        }

        var mappingPath = options.MappingPath ?? DefaultMappingFile;
        var mapping = File.Exists(mappingPath) ? LegacyMapping.Read(await File.ReadAllTextAsync(mappingPath, cancellationToken)) : [];
        var problems = pending.SelectMany(o => LegacyMapping.Problems(o, mapping.GetValueOrDefault(o.Id))).ToList();
        if (problems.Count > 0)
        {
            _report.Blockers.AddRange(problems);
            if (options.DryRun && !File.Exists(mappingPath))
            {
                await File.WriteAllTextAsync(mappingPath, LegacyMapping.Template(_source["orgao"]), cancellationToken);
                _report.TemplatePath = Path.GetFullPath(mappingPath);
            }
            // Nothing is written while a body lacks what this system requires.
            return _report;
        }

        foreach (var body in pending)
        {
            await ImportBodyAsync(body, mapping[body.Id], options.FilesFolder, cancellationToken);
        }
        return _report;
    }

    private async Task ImportBodyAsync(LegacyRow body, LegacyBodyMapping mapping, string filesFolder, CancellationToken cancellationToken)
    {
        var label = body.Text("sigla") ?? $"id {body.Id}";
        var overall = _report;
        // Counted apart and merged only when the body's transaction commits: a rolled-back body adds nothing.
        _report = new LegacyImportReport();
        var linksBefore = new Dictionary<(string, int), int>(_links);
        var committed = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var organization = await WriteOrganizationAsync(body, mapping, cancellationToken);
            await WriteUnitsAsync(body.Id, organization, cancellationToken);
            await WriteServantsAsync(body.Id, organization, cancellationToken);
            await WriteUsersAsync(body.Id, organization, cancellationToken);
            await WritePlansAsync(body.Id, organization, filesFolder, cancellationToken);
            await WriteMonitoringAsync(body.Id, organization, cancellationToken);
            await WriteActivitiesAsync(body.Id, organization, cancellationToken);
            await WriteHistoryAsync(body.Id, organization, cancellationToken);
            await SaveLinksAsync(cancellationToken);
            if (_dryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                committed = true;
            }
            overall.ImportedBodies.Add(label);
            foreach (var (kind, count) in _report.Counts)
            {
                overall.Count(kind, count);
            }
            overall.Refusals.AddRange(_report.Refusals);
            overall.Notes.AddRange(_report.Notes);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or FormatException
            or InvalidCastException or IOException or UnauthorizedAccessException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            overall.FailedBodies.Add($"{label}: {exception.GetBaseException().Message}");
        }
        finally
        {
            _report = overall;
            if (!committed)
            {
                foreach (var key in _storedFiles)
                {
                    await files.DeleteAsync(key, CancellationToken.None);
                }
                _links.Clear();
                foreach (var (key, value) in linksBefore)
                {
                    _links[key] = value;
                }
            }
            _storedFiles.Clear();
            _pendingLinks.Clear();
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Organization> WriteOrganizationAsync(LegacyRow body, LegacyBodyMapping mapping, CancellationToken cancellationToken)
    {
        Cnpj.TryParse(mapping.Cnpj, out var cnpj);
        var organization = new Organization
        {
            Name = Cut(body.Text("nome"), 300) ?? mapping.Name,
            Acronym = Cut(body.Text("sigla"), 40) ?? mapping.Acronym,
            Cnpj = cnpj.Value,
            Kind = mapping.Kind!.Value,
            Sphere = mapping.Sphere!.Value,
            Branch = mapping.Branch!.Value,
            IsActive = body.Int("status") == 1,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(cancellationToken);
        Link("orgao", body.Id, organization.Id);
        _report.Count(LegacyKinds.Organizations);

        foreach (var figures in _source["orgao_contabil"].Where(f => f.Int("orgao_id") == body.Id).GroupBy(f => f.Int("ano")))
        {
            // The original lets a year be entered twice; the last entry is the one its screens show.
            var last = figures.Last();
            db.OrganizationYearFigures.Add(new OrganizationYearFigures
            {
                OrganizationId = organization.Id, Year = figures.Key, Budget = last.Decimal("orcamento") ?? 0,
                Headcount = last.Int("quantitativo_pessoal"),
            });
            _report.Count(LegacyKinds.YearFigures);
        }
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    private async Task WriteUnitsAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        var units = _source["unidade_administrativa"].Where(u => u.Int("orgao_id") == legacyBody)
            .Select(u => (Row: u, Unit: new AdministrativeUnit { OrganizationId = organization.Id, Name = Cut(u.Text("nome"), 300) ?? "—" }))
            .ToList();
        db.AdministrativeUnits.AddRange(units.Select(u => u.Unit));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (row, unit) in units)
        {
            Link("unidade_administrativa", row.Id, unit.Id, organization.Id);
        }
        _report.Count(LegacyKinds.Units, units.Count);
    }

    private async Task WriteUsersAsync(int legacyBody, Organization organization, CancellationToken cancellationToken)
    {
        var roles = _source["auth_assignment"].ToLookup(a => a.Text("user_id"), a => a.Text("item_name"));
        var added = new Dictionary<string, AppUser>(StringComparer.Ordinal);
        foreach (var row in _source["usuario"].Where(u => u.Int("orgao_id") == legacyBody))
        {
            var name = Cut(row.Text("nome"), 200) ?? row.Text("login") ?? $"Usuário {row.Id}";
            var email = row.Text("email");
            if (email is null || !email.Contains('@', StringComparison.Ordinal))
            {
                _report.Refusals.Add($"Usuário {name} (id {row.Id}): sem e-mail válido, não importado.");
                continue;
            }
            var profiles = roles[row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                .Select(r => r is not null && _roles.TryGetValue(r, out var p) ? p : (Profile?)null)
                .OfType<Profile>().Distinct().ToList();
            if (profiles.Count == 0)
            {
                profiles.Add(Profile.Observer);
                _report.Notes.Add($"Usuário {name} (id {row.Id}) não tinha perfil no original: recebeu o perfil Observador.");
            }
            var unitId = row.IntOrNull("unidade_administrativa_id") is { } u ? LinkOf("unidade_administrativa", u) : null;
            var hash = row.Text("senha");
            if (!LegacyPasswordHasher.IsLegacyHash(hash))
            {
                if (row.Int("status") != 1)
                {
                    _report.Refusals.Add($"Usuário {name} (id {row.Id}): inativo e sem senha utilizável, não importado.");
                    continue;
                }
                Users.UserAdministration.AddInvitation(db, notifier, _now, mailOptions.Value.PublicBaseUrl, organization.Id,
                    organization.Name, name, email, profiles[0], null, ImportUserName);
                _report.Count(LegacyKinds.Invitations);
                continue;
            }

            var normalized = normalizer.NormalizeEmail(email);
            var user = added.GetValueOrDefault(normalized)
                ?? await db.Users.Include(x => x.Grants).FirstOrDefaultAsync(x => x.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                user = new AppUser
                {
                    FullName = name, Position = Cut(row.Text("cargo"), 200), Email = email, NormalizedEmail = normalized,
                    UserName = email, NormalizedUserName = normalizer.NormalizeName(email), EmailConfirmed = true,
                    PhoneNumber = row.Text("telefone"), PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(), IsActive = row.Int("status") == 1, LockoutEnabled = true,
                    CreatedAt = row.Moment("created_at") ?? _now,
                };
                db.Users.Add(user);
                added[normalized] = user;
                _report.Count(LegacyKinds.Users);
            }
            else
            {
                _report.Notes.Add($"Usuário {name} (id {row.Id}): o e-mail {email} já tinha conta; os perfis foram acrescentados a ela.");
            }
            foreach (var profile in profiles.Where(p => !user.Grants.Any(g => g.OrganizationId == organization.Id && g.Profile == p)))
            {
                user.Grants.Add(new ProfileGrant { OrganizationId = organization.Id, Profile = profile, UnitId = unitId });
                _report.Count(LegacyKinds.Grants);
            }
            await db.SaveChangesAsync(cancellationToken);
            Link("usuario", row.Id, user.Id, organization.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Link(string kind, int legacyId, int newId, int? organizationId = null)
    {
        _links[(kind, legacyId)] = newId;
        _pendingLinks.Add(new LegacyImportLink { Kind = kind, LegacyId = legacyId, NewId = newId, OrganizationId = organizationId, ImportedAt = _now });
    }

    private readonly List<LegacyImportLink> _pendingLinks = [];

    private int? LinkOf(string kind, int? legacyId) =>
        legacyId is { } id && _links.TryGetValue((kind, id), out var newId) ? newId : null;

    /// <summary>Links of earlier runs are read once, so a record can point at a user or body imported before.</summary>
    private async Task LoadLinksAsync(CancellationToken cancellationToken)
    {
        foreach (var link in await db.LegacyImportLinks.AsNoTracking().ToListAsync(cancellationToken))
        {
            _links[(link.Kind, link.LegacyId)] = link.NewId;
        }
    }

    private async Task SaveLinksAsync(CancellationToken cancellationToken)
    {
        db.LegacyImportLinks.AddRange(_pendingLinks);
        _pendingLinks.Clear();
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string? Cut(string? value, int max) => value is null ? null : value.Length <= max ? value : value[..max];
}
