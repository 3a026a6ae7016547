namespace Sispmpi.Bench.Generation;

/// <summary>
/// Municipalities of Minas Gerais with their IBGE codes (the first ones, larger, get more public bodies), and a
/// generator of further plausible ones once the list runs out: "31" (the state) + four digits + the IBGE check digit.
/// </summary>
internal static class Municipalities
{
    public const string StateCode = "MG";

    public static readonly IReadOnlyList<(string Code, string Name)> Known =
    [
        ("3106200", "Belo Horizonte"),
        ("3146107", "Ouro Preto"),
        ("3170206", "Uberlândia"),
        ("3118601", "Contagem"),
        ("3136702", "Juiz de Fora"),
        ("3106705", "Betim"),
        ("3143302", "Montes Claros"),
        ("3170107", "Uberaba"),
        ("3127701", "Governador Valadares"),
        ("3131307", "Ipatinga"),
        ("3167202", "Sete Lagoas"),
        ("3122306", "Divinópolis"),
        ("3157807", "Santa Luzia"),
        ("3129806", "Ibirité"),
        ("3151800", "Poços de Caldas"),
        ("3148004", "Patos de Minas"),
        ("3152501", "Pouso Alegre"),
        ("3168606", "Teófilo Otoni"),
        ("3105608", "Barbacena"),
        ("3156700", "Sabará"),
        ("3170701", "Varginha"),
        ("3118304", "Conselheiro Lafaiete"),
        ("3171204", "Vespasiano"),
        ("3131703", "Itabira"),
        ("3103504", "Araguari"),
        ("3147907", "Passos"),
        ("3169901", "Ubá"),
        ("3119401", "Coronel Fabriciano"),
        ("3143906", "Muriaé"),
        ("3134202", "Ituiutaba"),
        ("3104007", "Araxá"),
        ("3138203", "Lavras"),
        ("3132404", "Itajubá"),
        ("3144805", "Nova Lima"),
        ("3140001", "Mariana"),
        ("3121605", "Diamantina"),
        ("3162500", "São João del-Rei"),
        ("3147105", "Paracatu"),
        ("3113404", "Caratinga"),
        ("3139409", "Manhuaçu"),
        ("3120904", "Curvelo"),
        ("3169307", "Três Corações"),
        ("3171303", "Viçosa"),
        ("3115300", "Cataguases"),
        ("3145901", "Ouro Branco"),
        ("3133808", "Itaúna"),
        ("3136207", "João Monlevade"),
        ("3101607", "Alfenas"),
        ("3170404", "Unaí"),
        ("3135209", "Januária"),
        ("3126109", "Formiga"),
        ("3147006", "Pará de Minas"),
        ("3154606", "Ribeirão das Neves"),
        ("3162955", "São Joaquim de Bicas"),
        ("3109006", "Brumadinho"),
        ("3149309", "Pedro Leopoldo"),
        ("3141108", "Matozinhos"),
        ("3153905", "Raposos"),
        ("3125101", "Extrema"),
        ("3157005", "Santa Rita do Sapucaí"),
        ("3162104", "São Gotardo"),
        ("3164704", "São Sebastião do Paraíso"),
        ("3112307", "Cambuí"),
        ("3118007", "Congonhas"),
        ("3103405", "Araçuaí"),
        ("3111200", "Campo Belo"),
        ("3116605", "Cláudio"),
        ("3105400", "Bambuí"),
        ("3122355", "Divinolândia de Minas"),
        ("3150208", "Piumhi"),
        ("3136306", "João Pinheiro"),
        ("3114303", "Carmo do Paranaíba"),
        ("3117504", "Conceição do Mato Dentro"),
        ("3161106", "São Francisco"),
        ("3160702", "Santos Dumont"),
        ("3141801", "Minas Novas"),
        ("3130101", "Iguatama"),
        ("3151206", "Pitangui"),
        ("3124104", "Esmeraldas"),
        ("3109303", "Buritizeiro"),
        ("3132008", "Itabirito"),
    ];

    private static readonly string[] _saints =
    [
        "São José", "Santa Rita", "Santo Antônio", "São Sebastião", "Santa Bárbara", "São Gonçalo", "Santa Cruz",
        "São Tiago", "Santa Luzia", "São Pedro", "São Vicente", "Santa Maria", "São Francisco", "Nossa Senhora",
        "Bom Jesus", "São Domingos", "Santana", "São Miguel", "São Roque", "Conceição",
    ];

    private static readonly string[] _places =
    [
        "Nova Esperança", "Boa Vista", "Bom Sucesso", "Campo Alegre", "Pedra Azul", "Rio Claro", "Morro Grande",
        "Serra Verde", "Lagoa Dourada", "Águas Claras", "Ponte Nova", "Vargem Alegre", "Cachoeira Alta", "Monte Belo",
        "Porto Firme", "Alto Jequitibá", "Chapada Grande", "Barra Longa", "Piedade", "Palmeiras", "Alvorada",
        "Ribeirão Vermelho", "Córrego Fundo", "Capim Branco", "Jacutinga", "Itapeva", "Taquaraçu", "Jaboticatubas",
    ];

    private static readonly string[] _suffixes =
    [
        "de Minas", "do Sul", "do Norte", "da Serra", "do Rio Doce", "do Rio Pardo", "das Flores", "do Paraíso",
        "dos Campos", "da Mata", "do Oeste", "das Gerais", "do Jequitinhonha", "do Sapucaí", "da Lagoa", "do Turvo",
    ];

    /// <summary>IBGE check digit: weights 1,2,1,2,1,2 on the first six digits, products' digits summed, mod 10.</summary>
    public static int CheckDigit(ReadOnlySpan<char> sixDigits)
    {
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            var product = (sixDigits[i] - '0') * (i % 2 == 0 ? 1 : 2);
            sum += product / 10 + product % 10;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>Minas Gerais has 853 municipalities: the generator never invents more than that.</summary>
    public const int MaxCount = 853;

    /// <summary>The known municipalities, then invented ones with unique names and codes, up to <paramref name="count"/>.</summary>
    public static IReadOnlyList<(string Code, string Name)> Take(int count, Random random)
    {
        count = Math.Min(count, MaxCount);
        var result = Known.Take(count).ToList();
        var usedCodes = new HashSet<string>(Known.Select(m => m.Code[..6]), StringComparer.Ordinal);
        var usedNames = new HashSet<string>(Known.Select(m => m.Name), StringComparer.Ordinal);
        while (result.Count < count)
        {
            var name = random.Next(3) switch
            {
                0 => $"{_saints[random.Next(_saints.Length)]} {_suffixes[random.Next(_suffixes.Length)]}",
                1 => $"{_places[random.Next(_places.Length)]} {_suffixes[random.Next(_suffixes.Length)]}",
                _ => $"{_saints[random.Next(_saints.Length)]} d{(random.Next(2) == 0 ? "a" : "o")} {_places[random.Next(_places.Length)]}",
            };
            if (!usedNames.Add(name))
            {
                continue;
            }
            string six;
            do
            {
                six = $"31{random.Next(10, 7_300):0000}";
            }
            while (!usedCodes.Add(six));
            result.Add(($"{six}{CheckDigit(six)}", name));
        }
        return result;
    }
}
