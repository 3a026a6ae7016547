using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Plans;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Evaluation.Report;

/// <summary>
/// "Relatório do controle interno" of a plan: the year (the current one by default), the PDF, and the electronic
/// signature with the password re-entered. Each year's report is a document of its own: the first signature freezes that
/// year's content, later signatures add to it, and from then on the PDF of that year is the signed file.
/// Who reads the evaluation module sees the page; of them, the <see cref="Policies.Sign"/> profiles of the plan's own
/// organization sign (internal control and the head).
/// </summary>
[Authorize(Policy = Policies.Evaluation)]
[WritePolicy(Policies.Sign)]
public sealed class ReportModel(SispmpiDbContext db, InternalControlReport report, DocumentSigning signing, TenantContext tenant,
    TimeProvider clock, IOptions<SignatureOptions> signatureOptions) : ReportYearModel
{
    public const string NotPublishedMessage = "O relatório do controle interno só pode ser assinado depois da publicação do plano.";

    public const string MaySignMessage =
        "O relatório do controle interno é assinado pelo controle interno ou pela alta administração do órgão do plano.";

    public IntegrityPlan Plan { get; private set; } = null!;
    /// <summary>The year shown: the one asked for, or the current year when it was not valid.</summary>
    public int SelectedYear { get; private set; }
    /// <summary>Why the year asked for was not accepted, if it was not.</summary>
    public string? YearError { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public SignedDocument? Signed { get; private set; }
    public bool MaySign { get; private set; }
    public bool SignedByMe => Signed?.Signatures.Any(s => s.UserId == tenant.UserId) == true;
    /// <summary>Why the report cannot be signed, if it cannot.</summary>
    public string? NotReady { get; private set; }
    public string LegalBasis => signatureOptions.Value.LegalBasis;
    public string PdfUrl => InternalControlReport.PdfUrl(Plan.Id, SelectedYear);

    [BindProperty]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken cancellationToken) =>
        await LoadAsync(planId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(planId, cancellationToken))
        {
            return NotFound();
        }
        if (!MaySign)
        {
            return Refusal.Forbidden(MaySignMessage);
        }
        if (YearError is not null)
        {
            ModelState.AddModelError("ano", YearError);
            return Page();
        }
        if (NotReady is not null)
        {
            ModelState.AddModelError(string.Empty, NotReady);
            return Page();
        }
        var year = SelectedYear;
        var result = await signing.SignAsync(DocumentKind.InternalControlReport, InternalControlReport.SubjectId(Plan.Id, year)!.Value,
            Plan.OrganizationId, InternalControlReport.SignedTitle(Plan, year), InternalControlReport.FileBaseName(Plan, year) + "-assinado.pdf",
            async () => InternalControlReport.Pdf((await report.LoadAsync(Plan.Id, year, CancellationToken.None))!), Password ?? "",
            cancellationToken: cancellationToken);
        if (result.Error is not null)
        {
            ModelState.AddModelError(nameof(Password), result.Error);
            return Page();
        }
        TempData["Sucesso"] = $"Relatório de {year} assinado. Código verificador {result.Document!.VerificationCode}, CRC {result.Document.Crc}.";
        return Redirect(InternalControlReport.PageUrl(Plan.Id, year));
    }

    private async Task<bool> LoadAsync(int planId, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return false;
        }
        Plan = plan;
        var today = clock.Today();
        var (year, error) = ResolveYear(today);
        (SelectedYear, YearError) = (year ?? today.Year, error);
        // Other errors of the year's binding are replaced by the message the page shows next to the field.
        ModelState.Remove("ano");

        // From the year the plan starts (or was created) to the current one, newest first.
        var first = Math.Clamp(Math.Min(plan.ValidFrom?.Year ?? today.Year, plan.CreatedAt.Year), InternalControlReport.FirstYear, today.Year);
        Years = [.. Enumerable.Range(first, today.Year - first + 1).Append(SelectedYear).Distinct().OrderDescending()];

        MaySign = plan.OrganizationId == tenant.CurrentOrganizationId && Policies.Allows(Policies.Sign, tenant);
        var subjectId = InternalControlReport.SubjectId(plan.Id, SelectedYear);
        Signed = subjectId is int id ? await signing.FindAsync(DocumentKind.InternalControlReport, id, cancellationToken) : null;
        NotReady = subjectId is null
            ? "Este relatório não pode ser assinado: o número do plano excede o limite do sistema. Procure o suporte técnico."
            : Signed is null && !plan.IsReadOnly ? NotPublishedMessage : null;
        return true;
    }
}
