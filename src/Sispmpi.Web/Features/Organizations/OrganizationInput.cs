using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Sispmpi.Core.Organizations;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Shared;

namespace Sispmpi.Web.Features.Organizations;

/// <summary>The organization form shared by the create and edit pages.</summary>
public sealed class OrganizationInput
{
    [Required(ErrorMessage = "Informe o nome do órgão ou entidade.")]
    [StringLength(300, ErrorMessage = "O nome deve ter até 300 caracteres.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Informe a sigla.")]
    [StringLength(40, ErrorMessage = "A sigla deve ter até 40 caracteres.")]
    public string Acronym { get; set; } = "";

    [Required(ErrorMessage = "Informe o CNPJ.")]
    public string Cnpj { get; set; } = "";

    [Required(ErrorMessage = "Escolha a natureza jurídica.")]
    public OrganizationKind? Kind { get; set; }

    [Required(ErrorMessage = "Escolha a esfera.")]
    public Sphere? Sphere { get; set; }

    [Required(ErrorMessage = "Escolha o poder.")]
    public Branch? Branch { get; set; }

    [RegularExpression(@"^[A-Za-z]{2}$", ErrorMessage = "Informe a UF com duas letras, por exemplo MG.")]
    public string? StateCode { get; set; }

    [RegularExpression(@"^\d{7}$", ErrorMessage = "O código IBGE do município tem 7 dígitos.")]
    public string? MunicipalityCode { get; set; }

    [StringLength(120, ErrorMessage = "O nome do município deve ter até 120 caracteres.")]
    public string? MunicipalityName { get; set; }

    public int? ParentId { get; set; }
    public bool IsOversight { get; set; }
    public bool IsActive { get; set; } = true;

    // IBGE state codes: the first two digits of every municipality code.
    private static readonly Dictionary<string, string> _ibgeStates = new()
    {
        ["RO"] = "11", ["AC"] = "12", ["AM"] = "13", ["RR"] = "14", ["PA"] = "15", ["AP"] = "16", ["TO"] = "17",
        ["MA"] = "21", ["PI"] = "22", ["CE"] = "23", ["RN"] = "24", ["PB"] = "25", ["PE"] = "26", ["AL"] = "27", ["SE"] = "28", ["BA"] = "29",
        ["MG"] = "31", ["ES"] = "32", ["RJ"] = "33", ["SP"] = "35", ["PR"] = "41", ["SC"] = "42", ["RS"] = "43",
        ["MS"] = "50", ["MT"] = "51", ["GO"] = "52", ["DF"] = "53",
    };

    public static OrganizationInput From(Organization o) => new()
    {
        Name = o.Name, Acronym = o.Acronym, Cnpj = Core.Organizations.Cnpj.TryParse(o.Cnpj, out var cnpj) ? cnpj.Formatted : o.Cnpj, Kind = o.Kind, Sphere = o.Sphere,
        Branch = o.Branch, StateCode = o.StateCode, MunicipalityCode = o.MunicipalityCode, MunicipalityName = o.MunicipalityName,
        ParentId = o.ParentId, IsOversight = o.IsOversight, IsActive = o.IsActive,
    };

    /// <summary>Checks what annotations cannot: CNPJ check digits and uniqueness, IBGE code, parent without cycles.</summary>
    /// <param name="requireParent">
    /// New bodies, and bodies that already belong to a network, must keep a parent: without one they would
    /// leave every network and no administrator could see them again.
    /// </param>
    public async Task ValidateAsync(SispmpiDbContext db, ModelStateDictionary modelState, string prefix, int? editingId, bool requireParent)
    {
        if (requireParent && ParentId is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(ParentId)}", "Escolha o órgão superior: o órgão passa a fazer parte da rede dele.");
        }
        var cnpjError = Core.Organizations.Cnpj.Validate(Cnpj);
        if (cnpjError is { } error)
        {
            modelState.AddModelError($"{prefix}.{nameof(Cnpj)}", Core.Organizations.Cnpj.PortugueseMessage(error));
        }
        else
        {
            var value = Core.Organizations.Cnpj.Parse(Cnpj).Value;
            if (await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Cnpj == value && o.Id != editingId))
            {
                modelState.AddModelError($"{prefix}.{nameof(Cnpj)}", "Já existe um órgão ou entidade cadastrado com este CNPJ.");
            }
        }
        if (!string.IsNullOrEmpty(StateCode) && !_ibgeStates.ContainsKey(StateCode.ToUpperInvariant()))
        {
            modelState.AddModelError($"{prefix}.{nameof(StateCode)}", "UF desconhecida.");
        }
        if (!string.IsNullOrEmpty(MunicipalityCode) && !string.IsNullOrEmpty(StateCode)
            && _ibgeStates.TryGetValue(StateCode.ToUpperInvariant(), out var ufCode) && !MunicipalityCode.StartsWith(ufCode, StringComparison.Ordinal))
        {
            modelState.AddModelError($"{prefix}.{nameof(MunicipalityCode)}", $"O código IBGE de um município de {StateCode.ToUpperInvariant()} começa com {ufCode}.");
        }
        if (Kind is OrganizationKind.CityHall or OrganizationKind.CityCouncil && string.IsNullOrEmpty(MunicipalityCode))
        {
            modelState.AddModelError($"{prefix}.{nameof(MunicipalityCode)}", "Informe o código IBGE do município da prefeitura ou câmara.");
        }
        if (ParentId is int parentId)
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == parentId))
            {
                modelState.AddModelError($"{prefix}.{nameof(ParentId)}", "Escolha um órgão superior da sua rede.");
            }
            else if (editingId is int id && await IsDescendantOrSelfAsync(db, parentId, id))
            {
                modelState.AddModelError($"{prefix}.{nameof(ParentId)}", "O órgão superior não pode ser o próprio órgão nem um órgão vinculado a ele.");
            }
        }
    }

    public void ApplyTo(Organization organization)
    {
        organization.Name = Name.Trim();
        organization.Acronym = Acronym.Trim().ToUpperInvariant();
        organization.Cnpj = Core.Organizations.Cnpj.Parse(Cnpj).Value;
        organization.Kind = Kind!.Value;
        organization.Sphere = Sphere!.Value;
        organization.Branch = Branch!.Value;
        organization.StateCode = string.IsNullOrWhiteSpace(StateCode) ? null : StateCode.ToUpperInvariant();
        organization.MunicipalityCode = string.IsNullOrWhiteSpace(MunicipalityCode) ? null : MunicipalityCode;
        organization.MunicipalityName = string.IsNullOrWhiteSpace(MunicipalityName) ? null : MunicipalityName.Trim();
        organization.ParentId = ParentId;
        organization.IsOversight = IsOversight;
        organization.IsActive = IsActive;
    }

    private static async Task<bool> IsDescendantOrSelfAsync(SispmpiDbContext db, int candidateId, int organizationId)
    {
        int? current = candidateId;
        var seen = new HashSet<int>();
        while (current is int id && seen.Add(id))
        {
            if (id == organizationId)
            {
                return true;
            }
            current = await db.Organizations.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.ParentId).FirstOrDefaultAsync();
        }
        return false;
    }

    public static IEnumerable<SelectListItem> Options<T>(Func<T, string> label) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString()));

    public static IEnumerable<SelectListItem> KindOptions => Options<OrganizationKind>(Labels.Of);
    public static IEnumerable<SelectListItem> SphereOptions => Options<Sphere>(Labels.Of);
    public static IEnumerable<SelectListItem> BranchOptions => Options<Branch>(Labels.Of);
}
