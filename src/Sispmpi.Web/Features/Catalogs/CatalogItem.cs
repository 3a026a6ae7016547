using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sispmpi.Web.Features.Catalogs;

/// <summary>The catalogs kept by the central body (SPEC §3.5). Stored as integers: never renumber.</summary>
public enum CatalogKind
{
    ThematicAxis = 1,
    DiagnosisInstrument = 2,
    LimitingFactor = 3,
    Stakeholder = 4,
    ActionType = 5,
    RiskCategory = 6,
}

/// <summary>
/// One entry of a catalog, shared by the whole installation. Records that choose from a catalog copy the
/// entry's name, so renaming or retiring an entry later never rewrites what a body declared.
/// </summary>
public sealed class CatalogItem
{
    public int Id { get; set; }
    public CatalogKind Kind { get; set; }
    public required string Name { get; set; }
    public int Position { get; set; }
    public bool IsActive { get; set; } = true;
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasIndex(c => new { c.Kind, c.Name }).IsUnique();
    }
}

/// <summary>The catalogs a new installation starts with.</summary>
public static class DefaultCatalogs
{
    public static readonly IReadOnlyDictionary<CatalogKind, string[]> Items = new Dictionary<CatalogKind, string[]>
    {
        [CatalogKind.ThematicAxis] =
        [
            "Comprometimento e apoio da alta administração", "Instância responsável pelo programa de integridade",
            "Gestão de riscos para a integridade", "Transparência e controle social", "Comunicação e capacitação",
            "Canais de denúncia e responsabilização", "Conflito de interesses e nepotismo", "Código de conduta e ética",
            "Monitoramento contínuo",
        ],
        [CatalogKind.DiagnosisInstrument] =
        [
            "Questionário aplicado aos servidores", "Entrevistas com gestores", "Análise documental",
            "Relatórios de auditoria e de controle interno", "Dados da ouvidoria e do canal de denúncias",
            "Processos correcionais", "Oficinas com as unidades", "Avaliação de maturidade",
        ],
        [CatalogKind.LimitingFactor] =
        [
            "Falta de pessoal", "Restrição orçamentária", "Falta de capacitação", "Dependência de outra unidade",
            "Mudança de prioridade da gestão", "Limitação tecnológica", "Dificuldade de contratação",
        ],
        [CatalogKind.Stakeholder] =
        [
            "Alta administração", "Servidores", "Controle interno", "Ouvidoria", "Corregedoria",
            "Sociedade civil", "Fornecedores", "Outros órgãos",
        ],
        [CatalogKind.ActionType] = ["Processo", "Normativo", "Sensibilização", "Formação"],
        [CatalogKind.RiskCategory] =
        [
            "Conflito de interesses", "Nepotismo", "Fraude em contratações", "Vazamento de informação", "Assédio",
            "Uso indevido de recursos", "Corrupção passiva", "Favorecimento indevido",
        ],
    };
}
