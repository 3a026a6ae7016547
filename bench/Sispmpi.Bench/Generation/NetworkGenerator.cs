using System.Globalization;
using System.Text;
using Sispmpi.Core.Auditing;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Features.Organizations;
using Sispmpi.Web.Features.Plans;

namespace Sispmpi.Bench.Generation;

/// <summary>What already exists in the target database and must be respected.</summary>
public sealed record GenerationContext(ExistingIds Ids, IReadOnlySet<string> ExistingCnpjs, int? ExistingOversightId, string PasswordHash);

/// <summary>
/// Builds the synthetic network in memory: a state comptroller (CGE) and N bodies below it, each with its units,
/// accounts, integrity plans and the history of how they came to be. Everything is drawn from one seeded
/// <see cref="Random"/> and dated relative to <see cref="GenerateOptions.ReferenceDate"/>, so a seed and a date
/// always give the same data (except the password hash's salt).
/// </summary>
public sealed partial class NetworkGenerator
{
    private readonly GenerateOptions _options;
    private readonly GenerationContext _context;
    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _cnpjs;
    private readonly GeneratedNetwork _network = new();
    private int _organizationId;
    private int _yearFiguresId;
    private int _unitId;
    private int _userId;
    private int _grantId;
    private int _planId;
    private int _axisId;
    private int _actionId;

    public NetworkGenerator(GenerateOptions options, GenerationContext context)
    {
        _options = options;
        _context = context;
        _random = new Random(options.Seed);
        _today = options.ReferenceDate;
        // 15h in Brasília: "now" for the generated history, so that the day's office hours are all in the past.
        _now = new DateTimeOffset(_today.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero);
        _cnpjs = new HashSet<string>(context.ExistingCnpjs, StringComparer.Ordinal);
        (_organizationId, _yearFiguresId, _unitId, _userId, _grantId, _planId, _axisId, _actionId) = context.Ids;
    }

    private enum PlanScenario
    {
        Published,
        ObsoleteThenPublished,
        PublishedAndPreparing,
        PublishedAndNotStarted,
        FirstInPreparation,
    }

    private sealed record LeafAxis(PlanAxis Axis, AxisTemplate Template);

    private sealed record Body(OrganizationTemplate Template, (string Code, string Name)? Municipality, int Rank);

    public GeneratedNetwork Generate()
    {
        var cycleStart = new DateOnly(_today.Year - 1, 1, 1);
        var parentId = _context.ExistingOversightId ?? CreateOversight(cycleStart);
        var bodies = PlanBodies(_options.Organizations);
        for (var i = 0; i < bodies.Count; i++)
        {
            // The first five bodies go through every plan scenario, so that even a tiny network shows them all.
            var scenario = i < 5 ? (PlanScenario)i : PickScenario();
            CreateBody(bodies[i], parentId, scenario, cycleStart);
        }
        return _network;
    }

    private PlanScenario PickScenario() => _random.NextDouble() switch
    {
        < 0.62 => PlanScenario.Published,
        < 0.72 => PlanScenario.ObsoleteThenPublished,
        < 0.85 => PlanScenario.PublishedAndPreparing,
        < 0.95 => PlanScenario.PublishedAndNotStarted,
        _ => PlanScenario.FirstInPreparation,
    };

    // ---- Organizations -------------------------------------------------------------------------------------

    private int CreateOversight(DateOnly cycleStart)
    {
        var history = new List<HistoryEvent>();
        _network.Histories.Add(history);
        var template = new OrganizationTemplate(WordLists.OversightName, WordLists.OversightAcronym,
            OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive);
        var createdAt = At(cycleStart.AddDays(-_random.Next(500, 700)));
        var cge = AddOrganization(new Body(template, null, 0), null, isOversight: true, createdAt, history);
        AddUnitsAndPeople(cge, createdAt, history, isOversight: true);
        return cge.Id;
    }

    private void CreateBody(Body body, int parentId, PlanScenario scenario, DateOnly cycleStart)
    {
        var history = new List<HistoryEvent>();
        _network.Histories.Add(history);
        var createdAt = At(cycleStart.AddDays(-_random.Next(150, 420)));
        var organization = AddOrganization(body, parentId, isOversight: false, createdAt, history);
        var units = AddUnitsAndPeople(organization, createdAt, history, isOversight: false);
        AddPlans(organization, units, scenario, cycleStart, history);
    }

    /// <summary>State bodies, a few federal ones, then municipal bodies grouped by municipality, larger towns first.</summary>
    private List<Body> PlanBodies(int count)
    {
        var bodies = new List<Body>(count);
        var stateCount = Math.Min(WordLists.StateBodies.Length, (int)Math.Round(count * 0.12));
        var federalCount = Math.Min(WordLists.FederalBodies.Length, count / 100);
        bodies.AddRange(WordLists.StateBodies.Take(stateCount).Select(t => new Body(t, null, 0)));
        bodies.AddRange(WordLists.FederalBodies.Take(federalCount).Select(t => new Body(t, null, 0)));

        var municipalCount = count - bodies.Count;
        if (municipalCount <= 0)
        {
            return bodies;
        }
        // Every town has a city hall and a council; a share of the larger ones also autarchies, foundations, companies.
        double[] shareByTemplate = [1, 1, 0.4, 0.2, 0.1, 0.1, 0.05, 0.05, 0.03, 0.03];
        var townCount = Math.Max(1, (int)Math.Ceiling(municipalCount / shareByTemplate.Sum()));
        var towns = Municipalities.Take(townCount, _random);
        var byTown = towns.Select(_ => new List<int>()).ToList();
        var placed = 0;
        for (var round = 0; placed < municipalCount; round++)
        {
            var share = round < shareByTemplate.Length ? shareByTemplate[round] : 0.03;
            var reach = Math.Max(1, (int)Math.Ceiling(towns.Count * share));
            for (var town = 0; town < reach && placed < municipalCount; town++, placed++)
            {
                byTown[town].Add(round);
            }
        }
        for (var town = 0; town < towns.Count; town++)
        {
            var (code, name) = towns[town];
            var initials = Initials(name);
            foreach (var round in byTown[town])
            {
                var template = WordLists.MunicipalBodies[round % WordLists.MunicipalBodies.Length];
                var suffix = round < WordLists.MunicipalBodies.Length ? "" : $" – Unidade {round / WordLists.MunicipalBodies.Length + 1}";
                bodies.Add(new Body(
                    new OrganizationTemplate(string.Format(CultureInfo.InvariantCulture, template.Name, name) + suffix,
                        string.Format(CultureInfo.InvariantCulture, template.Acronym, name, initials), template.Kind, Sphere.Municipal,
                        template.Branch),
                    (code, name), town));
            }
        }
        return bodies;
    }

    private Organization AddOrganization(Body body, int? parentId, bool isOversight, DateTimeOffset createdAt,
        List<HistoryEvent> history)
    {
        var template = body.Template;
        var organization = new Organization
        {
            Id = ++_organizationId,
            Name = template.Name,
            Acronym = template.Acronym,
            Cnpj = NewCnpj(),
            Kind = template.Kind,
            Sphere = template.Sphere,
            Branch = template.Branch,
            MunicipalityCode = body.Municipality?.Code,
            MunicipalityName = body.Municipality?.Name,
            StateCode = Municipalities.StateCode,
            ParentId = parentId,
            IsOversight = isOversight,
        };
        _network.Organizations.Add(organization);
        history.Add(new HistoryEvent(createdAt, organization, AuditOperation.Insert));

        var (headcount, costPerHead) = Size(template.Kind, template.Sphere, body.Rank);
        var currentYearAt = Max(createdAt.AddHours(1), At(new DateOnly(_today.Year, 1, 1).AddDays(_random.Next(10, 40))));
        for (var year = _today.Year - 1; year <= _today.Year; year++)
        {
            var yearHeadcount = year == _today.Year ? headcount : (int)(headcount * (0.95 + _random.NextDouble() * 0.08));
            var figures = new OrganizationYearFigures
            {
                Id = ++_yearFiguresId,
                OrganizationId = organization.Id,
                Year = year,
                Budget = Money(yearHeadcount * costPerHead * (decimal)(0.9 + _random.NextDouble() * 0.2), 1_000m),
                Headcount = yearHeadcount,
            };
            _network.YearFigures.Add(figures);
            var at = year == _today.Year ? Min(currentYearAt, _now.AddHours(-1)) : createdAt.AddMinutes(_random.Next(5, 90));
            history.Add(new HistoryEvent(at, figures, AuditOperation.Insert));
        }
        return organization;
    }

    private (int Headcount, decimal CostPerHead) Size(OrganizationKind kind, Sphere sphere, int rank)
    {
        // Larger towns come first: their bodies are bigger.
        var townFactor = 1.0 / (1 + rank / 25.0);
        var (min, max, costK) = (kind, sphere) switch
        {
            (OrganizationKind.CityHall, _) => (150 + 8_000 * townFactor, 600 + 40_000 * townFactor, 160),
            (OrganizationKind.CityCouncil, _) => (12 + 150 * townFactor, 30 + 600 * townFactor, 230),
            (OrganizationKind.DirectAdministration, _) => (300.0, 60_000.0, 190),
            (OrganizationKind.MixedCapitalCompany, _) => (500.0, 8_000.0, 900),
            (OrganizationKind.PublicCompany, _) => (80.0, 3_000.0, 260),
            (_, Sphere.Municipal) => (25 + 400 * townFactor, 60 + 2_500 * townFactor, 170),
            _ => (150.0, 6_000.0, 210),
        };
        var headcount = (int)Math.Round(Math.Exp(Math.Log(min) + _random.NextDouble() * (Math.Log(max) - Math.Log(min))));
        return (headcount, costK * 1_000m);
    }

    /// <summary>A unique CNPJ, head office ("0001"); one in eight in the alphanumeric format (IN RFB 2.229/2024).</summary>
    private string NewCnpj()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> root = stackalloc char[8];
        var alphanumeric = _network.Organizations.Count % 8 == 3;
        while (true)
        {
            for (var i = 0; i < root.Length; i++)
            {
                root[i] = alphanumeric ? alphabet[_random.Next(alphabet.Length)] : (char)('0' + _random.Next(10));
            }
            if (alphanumeric && !root.ContainsAnyInRange('A', 'Z'))
            {
                root[_random.Next(root.Length)] = (char)('A' + _random.Next(26));
            }
            var twelve = $"{root}0001";
            var cnpj = twelve + Cnpj.ComputeCheckDigits(twelve);
            if (Cnpj.IsValid(cnpj) && _cnpjs.Add(cnpj))
            {
                return cnpj;
            }
        }
    }

    // ---- Helpers shared by the parts of the generator -------------------------------------------------------

    /// <summary>A moment on <paramref name="day"/> between 8h and 18h in Brasília, to the millisecond (the history's precision).</summary>
    private DateTimeOffset At(DateOnly day)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero)
            .AddMilliseconds(_random.NextInt64(0, 10L * 3_600_000));
        return at > _now ? _now.AddMinutes(-_random.Next(1, 120)) : at;
    }

    private static decimal Money(decimal value, decimal step)
    {
        var rounded = Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
        return decimal.Round(rounded, 2) + 0.00m; // always two decimals, as numeric(18,2) returns them
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static string Initials(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "de" or "do" or "da" or "dos" or "das" or "del" or "e")
            {
                continue;
            }
            var letter = word.Normalize(NormalizationForm.FormD)[0];
            builder.Append(char.ToUpperInvariant(letter));
        }
        return builder.ToString();
    }

    private static DateOnly Clamp(DateOnly value, DateOnly min, DateOnly max) => value < min ? Min(min, max) : value > max ? max : value;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
