using Sispmpi.Core.Organizations;

namespace Sispmpi.Bench.Generation;

internal sealed record OrganizationTemplate(string Name, string Acronym, OrganizationKind Kind, Sphere Sphere, Branch Branch);

/// <summary>A municipal body: "{0}" is the municipality's name, "{1}" its initials.</summary>
internal sealed record MunicipalTemplate(string Name, string Acronym, OrganizationKind Kind, Branch Branch);

internal sealed record AxisTemplate(string Title, string Description, string[] SubAxes, ActionTemplate[] Actions);

internal sealed record ActionTemplate(string Title, string Type, bool Continuous = false);

/// <summary>The vocabulary of the synthetic network: bodies, units, people, axes and actions of integrity plans.</summary>
internal static class WordLists
{
    public const string OversightName = "Controladoria-Geral do Estado de Minas Gerais";
    public const string OversightAcronym = "CGE-MG";

    public static readonly OrganizationTemplate[] StateBodies =
    [
        new("Secretaria de Estado de Planejamento e Gestão", "SEPLAG", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Fazenda", "SEF", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Saúde", "SES", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Educação", "SEE", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Justiça e Segurança Pública", "SEJUSP", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Desenvolvimento Social", "SEDESE", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Infraestrutura, Transporte e Mobilidade", "SEINFRA", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Meio Ambiente e Desenvolvimento Sustentável", "SEMAD", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Agricultura, Pecuária e Abastecimento", "SEAPA", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Cultura e Turismo", "SECULT", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Desenvolvimento Econômico", "SEDE", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Secretaria de Estado de Governo", "SEGOV", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Advocacia-Geral do Estado", "AGE", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Polícia Militar de Minas Gerais", "PMMG", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Polícia Civil de Minas Gerais", "PCMG", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Corpo de Bombeiros Militar de Minas Gerais", "CBMMG", OrganizationKind.DirectAdministration, Sphere.State, Branch.Executive),
        new("Departamento de Estradas de Rodagem do Estado", "DER-MG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Instituto Estadual de Florestas", "IEF", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Instituto Mineiro de Gestão das Águas", "IGAM", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Instituto Mineiro de Agropecuária", "IMA", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Departamento Estadual de Trânsito", "DETRAN-MG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Instituto de Previdência dos Servidores do Estado", "IPSEMG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Junta Comercial do Estado", "JUCEMG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Universidade do Estado de Minas Gerais", "UEMG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Universidade Estadual de Montes Claros", "UNIMONTES", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Agência Reguladora de Serviços de Abastecimento de Água e Esgotamento Sanitário", "ARSAE-MG", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Instituto Estadual do Patrimônio Histórico e Artístico", "IEPHA", OrganizationKind.Autarchy, Sphere.State, Branch.Executive),
        new("Fundação João Pinheiro", "FJP", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação Hospitalar do Estado", "FHEMIG", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação Clóvis Salgado", "FCS", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação de Amparo à Pesquisa do Estado", "FAPEMIG", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação Centro de Hematologia e Hemoterapia", "HEMOMINAS", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação Estadual do Meio Ambiente", "FEAM", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Fundação Ezequiel Dias", "FUNED", OrganizationKind.Foundation, Sphere.State, Branch.Executive),
        new("Companhia de Tecnologia da Informação do Estado", "PRODEMGE", OrganizationKind.PublicCompany, Sphere.State, Branch.Executive),
        new("Empresa de Assistência Técnica e Extensão Rural", "EMATER-MG", OrganizationKind.PublicCompany, Sphere.State, Branch.Executive),
        new("Empresa de Pesquisa Agropecuária", "EPAMIG", OrganizationKind.PublicCompany, Sphere.State, Branch.Executive),
        new("Companhia de Habitação do Estado", "COHAB-MG", OrganizationKind.PublicCompany, Sphere.State, Branch.Executive),
        new("Companhia de Saneamento de Minas Gerais", "COPASA", OrganizationKind.MixedCapitalCompany, Sphere.State, Branch.Executive),
        new("Companhia Energética de Minas Gerais", "CEMIG", OrganizationKind.MixedCapitalCompany, Sphere.State, Branch.Executive),
        new("Companhia de Desenvolvimento de Minas Gerais", "CODEMGE", OrganizationKind.MixedCapitalCompany, Sphere.State, Branch.Executive),
        new("Banco de Desenvolvimento de Minas Gerais", "BDMG", OrganizationKind.MixedCapitalCompany, Sphere.State, Branch.Executive),
        new("Companhia de Gás de Minas Gerais", "GASMIG", OrganizationKind.MixedCapitalCompany, Sphere.State, Branch.Executive),
        new("Assembleia Legislativa do Estado de Minas Gerais", "ALMG", OrganizationKind.Other, Sphere.State, Branch.Legislative),
        new("Tribunal de Justiça do Estado de Minas Gerais", "TJMG", OrganizationKind.Other, Sphere.State, Branch.Judiciary),
        new("Tribunal de Justiça Militar do Estado de Minas Gerais", "TJMMG", OrganizationKind.Other, Sphere.State, Branch.Judiciary),
        new("Ministério Público do Estado de Minas Gerais", "MPMG", OrganizationKind.Other, Sphere.State, Branch.PublicProsecution),
        new("Tribunal de Contas do Estado de Minas Gerais", "TCE-MG", OrganizationKind.Other, Sphere.State, Branch.CourtOfAccounts),
        new("Defensoria Pública do Estado de Minas Gerais", "DPMG", OrganizationKind.Other, Sphere.State, Branch.Executive),
    ];

    /// <summary>Federal bodies in the state that adhered to the state's integrity programme.</summary>
    public static readonly OrganizationTemplate[] FederalBodies =
    [
        new("Universidade Federal de Minas Gerais", "UFMG", OrganizationKind.Autarchy, Sphere.Federal, Branch.Executive),
        new("Universidade Federal de Ouro Preto", "UFOP", OrganizationKind.Foundation, Sphere.Federal, Branch.Executive),
        new("Universidade Federal de Juiz de Fora", "UFJF", OrganizationKind.Autarchy, Sphere.Federal, Branch.Executive),
        new("Universidade Federal de Viçosa", "UFV", OrganizationKind.Foundation, Sphere.Federal, Branch.Executive),
        new("Universidade Federal de Uberlândia", "UFU", OrganizationKind.Foundation, Sphere.Federal, Branch.Executive),
        new("Centro Federal de Educação Tecnológica de Minas Gerais", "CEFET-MG", OrganizationKind.Autarchy, Sphere.Federal, Branch.Executive),
        new("Instituto Federal de Minas Gerais", "IFMG", OrganizationKind.Autarchy, Sphere.Federal, Branch.Executive),
    ];

    /// <summary>In the order a municipality gets them: every one has a city hall and a council, larger ones more.</summary>
    public static readonly MunicipalTemplate[] MunicipalBodies =
    [
        new("Prefeitura Municipal de {0}", "PM{1}", OrganizationKind.CityHall, Branch.Executive),
        new("Câmara Municipal de {0}", "CM{1}", OrganizationKind.CityCouncil, Branch.Legislative),
        new("Serviço Autônomo de Água e Esgoto de {0}", "SAAE-{1}", OrganizationKind.Autarchy, Branch.Executive),
        new("Instituto de Previdência dos Servidores Municipais de {0}", "IPREM-{1}", OrganizationKind.Autarchy, Branch.Executive),
        new("Fundação Cultural de {0}", "FUNCULT-{1}", OrganizationKind.Foundation, Branch.Executive),
        new("Hospital Municipal de {0}", "HM-{1}", OrganizationKind.Foundation, Branch.Executive),
        new("Empresa Municipal de Urbanização de {0}", "URB-{1}", OrganizationKind.PublicCompany, Branch.Executive),
        new("Departamento Municipal de Trânsito e Transportes de {0}", "DEMUTRAN-{1}", OrganizationKind.Autarchy, Branch.Executive),
        new("Companhia de Desenvolvimento Econômico de {0}", "CODE-{1}", OrganizationKind.MixedCapitalCompany, Branch.Executive),
        new("Consórcio Intermunicipal de Saúde da Microrregião de {0}", "CIS-{1}", OrganizationKind.Other, Branch.Executive),
    ];

    /// <summary>Top-level units; the first, the cabinet, every body has.</summary>
    public static readonly (string Name, string Acronym)[] RootUnits =
    [
        ("Gabinete", "GAB"),
        ("Controladoria Interna", "CI"),
        ("Ouvidoria", "OUV"),
        ("Assessoria Jurídica", "AJU"),
        ("Assessoria de Comunicação Social", "ASCOM"),
        ("Diretoria de Administração e Finanças", "DAF"),
        ("Diretoria de Planejamento, Orçamento e Gestão", "DPOG"),
        ("Superintendência de Gestão de Pessoas", "SGP"),
        ("Diretoria de Tecnologia da Informação", "DTI"),
        ("Corregedoria", "CORREG"),
        ("Diretoria de Operações", "DOP"),
    ];

    public static readonly (string Name, string Acronym)[] ChildUnits =
    [
        ("Coordenadoria de Compras e Licitações", "CCL"),
        ("Gerência de Contratos e Convênios", "GCC"),
        ("Divisão de Patrimônio e Almoxarifado", "DPA"),
        ("Divisão de Contabilidade", "DCONT"),
        ("Divisão de Execução Orçamentária e Financeira", "DEOF"),
        ("Coordenadoria de Pagamento de Pessoal", "CPP"),
        ("Núcleo de Desenvolvimento de Pessoas", "NDP"),
        ("Setor de Protocolo e Arquivo", "SPA"),
        ("Núcleo de Gestão de Riscos e Integridade", "NGRI"),
        ("Comissão de Ética", "CE"),
        ("Coordenadoria de Transparência e Dados Abertos", "CTDA"),
        ("Divisão de Infraestrutura e Manutenção", "DIM"),
        ("Núcleo de Atendimento ao Cidadão", "NAC"),
        ("Gerência de Processos Administrativos Disciplinares", "GPAD"),
    ];

    public static readonly string[] FirstNames =
    [
        "Ana", "Maria", "Juliana", "Fernanda", "Patrícia", "Aline", "Camila", "Luciana", "Cláudia", "Beatriz",
        "Mariana", "Renata", "Vanessa", "Simone", "Larissa", "Gabriela", "Helena", "Cristina", "Débora", "Tatiane",
        "José", "João", "Carlos", "Paulo", "Marcos", "Luiz", "Rafael", "Ricardo", "Eduardo", "Rodrigo",
        "Gustavo", "Felipe", "Bruno", "Fábio", "Márcio", "Leandro", "André", "Tiago", "Sérgio", "Henrique",
    ];

    public static readonly string[] Surnames =
    [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
        "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
        "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
        "Cardoso", "Ramos", "Gonçalves", "Teixeira", "Araújo", "Campos", "Pinto", "Moura", "Coelho", "Rezende",
    ];

    public static readonly string[] Positions =
    [
        "Analista", "Assessor", "Assessora", "Coordenador", "Coordenadora", "Diretor", "Diretora", "Gerente",
        "Técnico Administrativo", "Auditora Interna", "Auditor Interno", "Especialista em Políticas Públicas",
    ];

    public static readonly AxisTemplate[] Axes =
    [
        new("Comprometimento e apoio da alta administração",
            "Ações que demonstram o compromisso da direção com a integridade.",
            ["Governança da integridade", "Exemplo e patrocínio da liderança"],
            [
                new("Aprovar a política de integridade", "Normativo"),
                new("Instituir a unidade de gestão da integridade", "Normativo"),
                new("Incluir metas de integridade no planejamento estratégico", "Processo"),
                new("Realizar reunião trimestral da alta administração sobre integridade", "Processo", true),
                new("Publicar declaração de compromisso da direção com a integridade", "Sensibilização"),
                new("Designar os membros da comissão de integridade", "Normativo"),
                new("Apresentar o plano de integridade ao colegiado dirigente", "Sensibilização"),
                new("Acompanhar indicadores de integridade em reunião de gestão", "Processo", true),
            ]),
        new("Gestão de riscos para a integridade",
            "Identificação, avaliação e tratamento dos riscos que favorecem desvios de conduta.",
            ["Mapeamento de riscos", "Tratamento de riscos", "Monitoramento de riscos"],
            [
                new("Mapear riscos à integridade nos processos de compras", "Processo"),
                new("Mapear riscos de conflito de interesses na gestão de pessoas", "Processo"),
                new("Elaborar matriz de riscos à integridade", "Processo"),
                new("Implantar controles para prevenção de nepotismo", "Processo"),
                new("Revisar fluxos de pagamento para mitigar riscos de fraude", "Processo"),
                new("Monitorar o plano de tratamento de riscos", "Processo", true),
                new("Implantar segregação de funções nos processos financeiros", "Processo"),
                new("Atualizar o inventário de processos críticos", "Processo"),
            ]),
        new("Transparência e controle social",
            "Ampliação do acesso à informação e da participação da sociedade.",
            ["Transparência ativa", "Transparência passiva e acesso à informação"],
            [
                new("Publicar agenda de compromissos das autoridades", "Processo", true),
                new("Reestruturar a página de transparência ativa", "Tecnologia"),
                new("Divulgar dados abertos de contratos e convênios", "Tecnologia"),
                new("Publicar relatório anual de pedidos de acesso à informação", "Processo", true),
                new("Implantar painel de acompanhamento de obras", "Tecnologia"),
                new("Realizar audiência pública de prestação de contas", "Sensibilização"),
                new("Revisar a classificação de informações sigilosas", "Normativo"),
            ]),
        new("Comunicação e capacitação",
            "Formação dos agentes públicos e comunicação permanente sobre integridade.",
            ["Capacitação", "Comunicação interna"],
            [
                new("Capacitar servidores em ética e integridade", "Formação", true),
                new("Promover curso sobre assédio moral e sexual", "Formação"),
                new("Lançar campanha interna sobre o código de conduta", "Sensibilização"),
                new("Produzir boletim mensal de integridade", "Sensibilização", true),
                new("Incluir módulo de integridade na ambientação de novos servidores", "Formação", true),
                new("Capacitar fiscais de contratos em integridade nas contratações", "Formação"),
                new("Realizar semana da integridade", "Sensibilização"),
            ]),
        new("Canais de denúncia e responsabilização",
            "Recebimento, tratamento e apuração de denúncias, com proteção ao denunciante.",
            ["Canais de denúncia", "Apuração e responsabilização"],
            [
                new("Divulgar o canal de denúncias da ouvidoria", "Sensibilização"),
                new("Implantar tratamento padronizado de denúncias", "Processo"),
                new("Criar comissão permanente de processo administrativo disciplinar", "Normativo"),
                new("Elaborar relatório anual de responsabilização", "Processo", true),
                new("Regulamentar medidas de proteção ao denunciante", "Normativo"),
                new("Reduzir o estoque de processos disciplinares pendentes", "Processo"),
            ]),
        new("Conflito de interesses e nepotismo",
            "Prevenção de situações em que interesses privados influenciem decisões públicas.",
            [],
            [
                new("Monitorar declarações de conflito de interesses", "Processo", true),
                new("Regulamentar a consulta sobre conflito de interesses", "Normativo"),
                new("Coletar declarações de parentesco dos ocupantes de cargos em comissão", "Processo"),
                new("Verificar vínculos entre servidores e fornecedores", "Tecnologia", true),
                new("Publicar orientação sobre recebimento de presentes e hospitalidades", "Normativo"),
            ]),
        new("Licitações, contratos e relacionamento com fornecedores",
            "Integridade nas contratações públicas e na relação com o setor privado.",
            ["Contratações", "Gestão e fiscalização de contratos"],
            [
                new("Padronizar estudos técnicos preliminares", "Processo"),
                new("Exigir programa de integridade de fornecedores em contratos de grande vulto", "Normativo"),
                new("Publicar relação de empresas sancionadas consultadas", "Processo", true),
                new("Implantar checklist de conformidade das contratações", "Processo"),
                new("Capacitar pregoeiros e agentes de contratação", "Formação"),
                new("Revisar a designação de gestores e fiscais de contratos", "Normativo"),
            ]),
        new("Ética e conduta",
            "Valores, padrões de conduta e funcionamento da comissão de ética.",
            ["Código de conduta", "Comissão de ética"],
            [
                new("Revisar o código de conduta ética", "Normativo"),
                new("Estruturar a secretaria executiva da comissão de ética", "Estrutura"),
                new("Publicar as decisões da comissão de ética", "Processo", true),
                new("Aplicar pesquisa de percepção sobre clima ético", "Processo"),
                new("Elaborar guia de conduta para agentes públicos", "Normativo"),
            ]),
        new("Monitoramento e avaliação do programa",
            "Acompanhamento do plano e aperfeiçoamento contínuo do programa de integridade.",
            [],
            [
                new("Elaborar relatório semestral de monitoramento do plano", "Processo", true),
                new("Avaliar a maturidade do programa de integridade", "Processo"),
                new("Revisar o plano de integridade com base nos resultados", "Processo"),
                new("Instituir indicadores de desempenho do programa de integridade", "Processo"),
            ]),
    ];

    /// <summary>Endings that suit any action; continuous ones may also take <see cref="ContinuousComplements"/>.</summary>
    public static readonly string[] ActionComplements =
    [
        "", " com apoio da controladoria", " conforme orientações da CGE", " em parceria com a área de gestão de pessoas",
        " com participação da sociedade civil", " com foco nas áreas de maior risco", " em conjunto com a ouvidoria",
        " por meio de ferramenta informatizada",
    ];

    public static readonly string[] ContinuousComplements =
    [
        " com periodicidade semestral", " de forma integrada ao planejamento", " nas unidades descentralizadas",
    ];

    public static readonly string[] Objectives =
    [
        "Fortalecer a cultura de integridade e prevenir irregularidades.",
        "Reduzir a exposição do órgão a riscos de fraude e corrupção.",
        "Ampliar a transparência e o controle social sobre a gestão.",
        "Assegurar que os agentes públicos conheçam os padrões de conduta esperados.",
        "Dar tratamento célere e seguro às denúncias recebidas.",
        "Aprimorar os controles internos dos processos críticos.",
    ];

    public static readonly string[] Benefits =
    [
        "Maior confiança da sociedade na instituição.",
        "Decisões mais seguras e fundamentadas.",
        "Redução de perdas e desperdícios de recursos públicos.",
        "Servidores mais preparados para lidar com dilemas éticos.",
        "Melhoria dos indicadores de transparência.",
    ];

    public static readonly string[] Evidence =
    [
        "Ato normativo publicado no Diário Oficial.",
        "Lista de presença e material do curso.",
        "Relatório de monitoramento aprovado.",
        "Página publicada no portal da transparência.",
        "Ata de reunião com as deliberações.",
        "Matriz de riscos validada pela alta administração.",
        "Peças da campanha e registro de divulgação.",
    ];

    public static readonly string[] DiscontinuationReasons =
    [
        "Ação absorvida por projeto corporativo do Estado.",
        "Mudança na estrutura organizacional tornou a ação desnecessária.",
        "Restrição orçamentária impediu a execução no ciclo.",
        "Ação substituída por iniciativa equivalente da controladoria.",
        "Alteração da legislação aplicável esvaziou o objeto da ação.",
    ];

    /// <summary>"da" or "do", to read "Plano de Integridade da Prefeitura…" and "…do Instituto…".</summary>
    public static string Of(string name)
    {
        var first = name.Split(' ', 2)[0];
        return first is "Serviço" or "Instituto" or "Hospital" or "Departamento" or "Tribunal" or "Ministério" or "Banco"
            or "Centro" or "Corpo" or "Consórcio"
            ? "do"
            : "da";
    }
}
