using System.Text;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Identity;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Features.Identity;
using Sispmpi.Web.Features.Organizations;

namespace Sispmpi.Bench.Generation;

/// <summary>Administrative units, accounts and their profile grants.</summary>
public sealed partial class NetworkGenerator
{
    private List<AdministrativeUnit> AddUnitsAndPeople(Organization organization, DateTimeOffset createdAt,
        List<HistoryEvent> history, bool isOversight)
    {
        var units = new List<AdministrativeUnit>();
        var at = createdAt.AddDays(_random.Next(1, 4));
        var unitCount = _random.Next(5, 16);
        var rootCount = Math.Min(WordLists.RootUnits.Length, Math.Max(3, unitCount / 2 + _random.Next(-1, 2)));
        var roots = WordLists.RootUnits.Take(1).Concat(Shuffle(WordLists.RootUnits.Skip(1)).Take(rootCount - 1)).ToList();
        foreach (var (name, acronym) in roots)
        {
            units.Add(AddUnit(organization, name, acronym, null, at = at.AddMinutes(_random.Next(1, 15)), history));
        }
        foreach (var (name, acronym) in Shuffle(WordLists.ChildUnits).Take(unitCount - roots.Count))
        {
            // Children hang from any top-level unit but the cabinet, and the first child may get a child of its own.
            var parent = units.Count > roots.Count && _random.Next(4) == 0
                ? units[roots.Count]
                : units[1 + _random.Next(roots.Count - 1)];
            units.Add(AddUnit(organization, name, acronym, parent.Id, at = at.AddMinutes(_random.Next(1, 15)), history));
        }

        Profile[] profiles = isOversight
            ? [Profile.CentralAdministrator, Profile.CentralAdministrator, Profile.TechnicalSupport, Profile.InternalControl,
               Profile.CentralAdministrator, Profile.TechnicalSupport, Profile.Observer]
            : [Profile.SeniorManagement, Profile.IntegrityCommission, Profile.InternalControl,
               .. Enumerable.Range(0, 4).Select(_ => Pick([Profile.IntegrityCommission, Profile.MonitoringCommittee,
                   Profile.Executor, Profile.Executor, Profile.Executor, Profile.Observer]))];
        var userCount = _random.Next(5, 8);
        var userAt = at.AddDays(_random.Next(1, 20));
        for (var n = 1; n <= userCount; n++)
        {
            userAt = userAt.AddMinutes(_random.Next(3, 240));
            var profile = profiles[n - 1];
            var user = AddUser(organization, n, profile, userAt, history);
            var unit = profile switch
            {
                Profile.SeniorManagement => units[0],
                Profile.Executor => units[_random.Next(units.Count)],
                Profile.InternalControl => units.FirstOrDefault(u => u.Acronym == "CI"),
                _ => _random.Next(2) == 0 ? units[_random.Next(units.Count)] : null,
            };
            AddGrant(user, organization.Id, profile, unit?.Id, userAt.AddSeconds(_random.Next(5, 60)), history);
            if (!isOversight && _random.Next(10) == 0)
            {
                var second = Pick([Profile.MonitoringCommittee, Profile.Executor, Profile.Observer]);
                if (second != profile)
                {
                    AddGrant(user, organization.Id, second, unit?.Id, userAt.AddMinutes(_random.Next(2, 600)), history);
                }
            }
        }
        return units;
    }

    private AdministrativeUnit AddUnit(Organization organization, string name, string acronym, int? parentId,
        DateTimeOffset at, List<HistoryEvent> history)
    {
        var unit = new AdministrativeUnit
        {
            Id = ++_unitId,
            OrganizationId = organization.Id,
            ParentId = parentId,
            Name = name,
            Acronym = acronym,
        };
        _network.Units.Add(unit);
        history.Add(new HistoryEvent(at, unit, AuditOperation.Insert));
        return unit;
    }

    private AppUser AddUser(Organization organization, int number, Profile profile, DateTimeOffset at, List<HistoryEvent> history)
    {
        var female = _random.Next(2) == 0;
        var firstNames = WordLists.FirstNames;
        var firstName = female ? firstNames[_random.Next(firstNames.Length / 2)] : firstNames[firstNames.Length / 2 + _random.Next(firstNames.Length / 2)];
        var surname1 = Pick(WordLists.Surnames);
        var surname2 = Pick(WordLists.Surnames);
        var email = $"u{number}@org{organization.Id}.bench.gov.br";
        var user = new AppUser
        {
            Id = ++_userId,
            FullName = surname1 == surname2 ? $"{firstName} {surname1}" : $"{firstName} {surname1} {surname2}",
            Position = PositionFor(profile, organization.Kind, female),
            CreatedAt = at,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = _context.PasswordHash,
            SecurityStamp = NewSecurityStamp(),
            ConcurrencyStamp = NewGuid().ToString(),
            PhoneNumber = _random.Next(2) == 0 ? null : $"(31) 9{_random.Next(8_000, 10_000)}-{_random.Next(10_000):0000}",
            LockoutEnabled = true,
        };
        _network.Users.Add(user);
        history.Add(new HistoryEvent(at, user, AuditOperation.Insert));
        return user;
    }

    private void AddGrant(AppUser user, int organizationId, Profile profile, int? unitId, DateTimeOffset at, List<HistoryEvent> history)
    {
        var grant = new ProfileGrant { Id = ++_grantId, UserId = user.Id, OrganizationId = organizationId, Profile = profile, UnitId = unitId };
        _network.Grants.Add(grant);
        history.Add(new HistoryEvent(at, grant, AuditOperation.Insert));
    }

    private string PositionFor(Profile profile, OrganizationKind kind, bool female) => profile switch
    {
        Profile.SeniorManagement => kind switch
        {
            OrganizationKind.CityHall => female ? "Prefeita Municipal" : "Prefeito Municipal",
            OrganizationKind.CityCouncil => female ? "Presidenta da Câmara" : "Presidente da Câmara",
            OrganizationKind.DirectAdministration => female ? "Secretária" : "Secretário",
            _ => female ? "Diretora-Geral" : "Diretor-Geral",
        },
        Profile.InternalControl => female ? "Controladora Interna" : "Controlador Interno",
        Profile.CentralAdministrator => "Superintendente de Integridade",
        _ => Pick(WordLists.Positions),
    };

    /// <summary>Like Identity's security stamps: 20 random bytes in Base32 (here from the seeded generator).</summary>
    private string NewSecurityStamp()
    {
        const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var builder = new StringBuilder(32);
        for (var i = 0; i < 32; i++)
        {
            builder.Append(base32[_random.Next(32)]);
        }
        return builder.ToString();
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
