using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sispmpi.Core.Documents;
using Sispmpi.Web.Data;
using Sispmpi.Web.Features.Documents;
using Sispmpi.Web.Features.Shared;
using Sispmpi.Web.Infrastructure.Documents;
using Sispmpi.Web.Infrastructure.Documents.Pdf;
using Sispmpi.Web.Infrastructure.Storage;
using Sispmpi.Web.Infrastructure.Tenancy;
using Sispmpi.Web.Infrastructure.Web;

namespace Sispmpi.Web.Features.Adoption.Agreements;

/// <summary>The agreement and its work plan as an official document (participants, object, justification, physical schedule).</summary>
public static class AgreementDocument
{
    public static string FileBaseName(CooperationAgreement agreement) =>
        "acordo-" + new string(agreement.Number.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');

    public static string Title(CooperationAgreement agreement) => $"{agreement.Number} e plano de trabalho";

    /// <summary>The managing body named in the document's header, whoever renders it (a participant's signatory may be first to sign).</summary>
    public static Task<string> ManagerNameAsync(SispmpiDbContext db, CooperationAgreement agreement) =>
        db.Organizations.IgnoreQueryFilters().Where(o => o.Id == agreement.OrganizationId).Select(o => o.Name).SingleAsync();

    public static OfficialDocument Build(CooperationAgreement agreement, string organizationName, DateTimeOffset now)
    {
        var body = new List<Block>
        {
            new Heading(1, "1. Dados cadastrais"),
        };
        foreach (var p in agreement.Participants)
        {
            body.Add(new Heading(2, $"Partícipe {p.Position} — {p.ShortName}"));
            body.Add(new FieldList(
            [
                new("Órgão", p.BodyName),
                new("CNPJ", Core.Organizations.Cnpj.TryParse(p.Cnpj, out var cnpj) ? cnpj.Formatted : p.Cnpj),
                new("Esfera administrativa", Labels.Of(p.Sphere)),
                new("Autoridade signatária", p.SignatoryName),
                new("Cargo", p.SignatoryPosition),
                new("Matrícula", p.SignatoryRegistration),
            ]));
        }
        body.Add(new Heading(1, "2. Objeto"));
        body.Add(new Paragraph(agreement.Object));
        if (agreement.Justification is { } justification)
        {
            body.Add(new Heading(1, "3. Justificativa"));
            body.AddRange(justification.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new Paragraph(t)));
        }
        body.Add(new Heading(1, "4. Cronograma físico"));
        if (agreement.Goals.Count == 0)
        {
            body.Add(new Paragraph("O plano de trabalho ainda não tem metas.", TextStyle.Emphasis));
        }
        var names = agreement.Participants.ToDictionary(p => p.Id, p => p.ShortName);
        foreach (var axis in agreement.Axes)
        {
            var goals = agreement.Goals.Where(g => g.AxisId == axis.Id).OrderBy(g => g.Position).ToList();
            body.Add(new Table(
                [new("Meta/etapa", 1), new("Descrição", 4), new("Prazo/periodicidade", 2), new("Responsável", 2)],
                goals.Select(g => (IReadOnlyList<string>)[g.Code, g.Description, g.DeadlineText,
                    string.Join(" e ", g.Responsible.Select(r => names.GetValueOrDefault(r.ParticipantId, "")))]).ToList(),
                axis.Number is null ? axis.Title : $"Eixo {axis.Number} — {axis.Title}"));
        }
        if (agreement.Adhesions.Count > 0)
        {
            body.Add(new Heading(1, "5. Acordos de adesão"));
            body.Add(new BulletList(agreement.Adhesions.OrderBy(a => a.SignedOn).Select(a =>
                $"{a.BodyName}, celebrado em {Labels.Date(a.SignedOn)}: metas {string.Join(", ", agreement.Goals.Where(g => a.Goals.Any(x => x.GoalId == g.Id)).Select(g => g.Code))}").ToList()));
        }
        return new OfficialDocument(
            new DocumentInfo(Title(agreement), organizationName, now, $"Processo SEI nº {agreement.ProcessNumber}"),
            new TitlePage(agreement.Number, "Acordo de cooperação técnica e plano de trabalho",
            [
                $"Processo SEI nº {agreement.ProcessNumber}",
                $"Vigência: {Labels.Date(agreement.ValidFrom)} a {Labels.Date(agreement.ValidUntil)}",
                $"Partícipes: {string.Join("; ", agreement.Participants.Select(p => p.BodyName))}",
            ]),
            body);
    }
}

/// <summary>The agreement as PDF: the signed file exactly as stored once signed; before that, the agreement as it is now.</summary>
[Authorize(Policy = Policies.AgreementsRead)]
public sealed class AgreementPdfModel(SispmpiDbContext db, AgreementAccess access, DocumentSigning signing, IFileStore files, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(access.Readable(), agreementId) is not { } agreement)
        {
            return NotFound();
        }
        if (await signing.FindAsync(DocumentKind.CooperationAgreement, agreementId, agreement.OrganizationId) is { } signed)
        {
            var bytes = await files.ReadAsync(signed.SignedKey);
            if (bytes is null || Authenticity.Sha256(bytes) != signed.SignedSha256)
            {
                TempData["Erro"] = "O arquivo armazenado deste acordo não confere com o registro de autenticidade. Procure o suporte técnico.";
                return Redirect($"/acordos/{agreementId}");
            }
            return File(bytes, ContentTypes.Pdf, signed.FileName);
        }
        var document = AgreementDocument.Build(agreement, await AgreementDocument.ManagerNameAsync(db, agreement), clock.GetUtcNow());
        return File(PdfWriter.Render(document), ContentTypes.Pdf, AgreementDocument.FileBaseName(agreement) + ".pdf");
    }
}

/// <summary>
/// Electronic signature of the agreement and work plan, with the password re-entered, as plan documents are
/// signed: the first signature freezes the content; each participant's signatory then signs the same content.
/// </summary>
[Authorize(Policy = Policies.AgreementsRead)]
public sealed class SignAgreementModel(SispmpiDbContext db, AgreementAccess access, DocumentSigning signing, TenantContext tenant, TimeProvider clock,
    IOptions<SignatureOptions> signatureOptions) : PageModel
{
    public CooperationAgreement Agreement { get; private set; } = null!;
    public SignedDocument? Signed { get; private set; }
    public string LegalBasis => signatureOptions.Value.LegalBasis;
    public bool SignedByMe => Signed?.Signatures.Any(s => s.UserId == tenant.UserId) == true;
    private bool _manages;
    /// <summary>Who signed for each participant so far.</summary>
    public IReadOnlyList<AgreementSignature> ParticipantSignatures { get; private set; } = [];
    /// <summary>The participants still to sign that the user may sign for: as their linked signatory, or on their behalf.</summary>
    public IReadOnlyList<(AgreementParticipant Participant, bool OnBehalf)> Signable { get; private set; } = [];

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public int? ParticipantId { get; set; }

    public async Task<IActionResult> OnGetAsync(int agreementId) => await LoadAsync(agreementId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int agreementId)
    {
        if (!await LoadAsync(agreementId))
        {
            return NotFound();
        }
        if (Agreement.Goals.Count == 0)
        {
            ModelState.AddModelError(nameof(Password), "O plano de trabalho ainda não tem metas: importe-o antes de assinar.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var participant = Agreement.Participants.FirstOrDefault(p => p.Id == ParticipantId);
        if (participant is null)
        {
            ModelState.AddModelError(nameof(ParticipantId), "Escolha o partícipe pelo qual você assina.");
            return Page();
        }
        if (ParticipantSignatures.Any(s => s.ParticipantId == participant.Id))
        {
            return Refusal.Conflict($"O acordo já foi assinado por {participant.ShortName}.");
        }
        // Only the linked signatory signs for the participant; the managing body's central administrator may sign on its
        // behalf, for each participant in turn, and that is recorded.
        var linked = participant.SignatoryUserId is int signatory && signatory == tenant.UserId;
        if (!linked && !_manages)
        {
            return Refusal.Forbidden($"Somente o signatário vinculado de {participant.ShortName}, ou o administrador central em nome dele, assina por esse partícipe.");
        }
        var agreement = Agreement;
        var managerName = await AgreementDocument.ManagerNameAsync(db, agreement);
        var capacity = linked
            ? new SignerCapacity(participant.BodyName, null)
            : new SignerCapacity(tenant.CurrentOrganizationName ?? managerName, OnBehalfOf(participant));
        // The participant's signature is saved with the document's: when another administrator signs for the same
        // participant at the same instant, the loser's attempt is retried, finds it signed and says so.
        var signedMeanwhile = false;
        async Task<string?> RecordParticipantAsync(CancellationToken cancellationToken)
        {
            if (await db.AgreementSignatures.IgnoreQueryFilters().AnyAsync(s => s.ParticipantId == participant.Id, cancellationToken))
            {
                signedMeanwhile = true;
                return $"O acordo já foi assinado por {participant.ShortName}.";
            }
            db.AgreementSignatures.Add(new AgreementSignature
            {
                OrganizationId = agreement.OrganizationId, AgreementId = agreement.Id, ParticipantId = participant.Id, SignedById = tenant.UserId!.Value,
                SignedByName = tenant.UserName, OnBehalf = !linked, SignedAt = clock.GetUtcNow(),
            });
            return null;
        }
        var result = await signing.SignAsync(DocumentKind.CooperationAgreement, agreement.Id, agreement.OrganizationId, AgreementDocument.Title(agreement),
            AgreementDocument.FileBaseName(agreement) + "-assinado.pdf",
            () => Task.FromResult(PdfWriter.Render(AgreementDocument.Build(agreement, managerName, clock.GetUtcNow()))),
            Password ?? "", capacity, RecordParticipantAsync);
        if (result.Error is not null)
        {
            ModelState.AddModelError(nameof(Password), result.Error);
            if (signedMeanwhile)
            {
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            return Page();
        }
        TempData["Sucesso"] = $"Acordo assinado{(linked ? $" por {participant.ShortName}" : $" em nome de {participant.SignatoryName} ({participant.ShortName})")}. Código verificador {result.Document!.VerificationCode}, CRC {result.Document.Crc}.";
        return Redirect($"/acordos/{agreement.Id}/assinar");
    }

    /// <summary>Whom a central administrator signs for, printed after its name and body.</summary>
    public static string OnBehalfOf(AgreementParticipant participant) => $"{participant.SignatoryName} ({participant.ShortName})";

    private async Task<bool> LoadAsync(int agreementId)
    {
        if (await AgreementQueries.LoadAsync(access.Readable(), agreementId) is not { } agreement)
        {
            return false;
        }
        Agreement = agreement;
        _manages = access.Manages(agreement);
        Signed = await signing.FindAsync(DocumentKind.CooperationAgreement, agreementId, agreement.OrganizationId);
        // The agreement was reached through AgreementAccess: its signatures are read whatever the user's organization.
        ParticipantSignatures = await db.AgreementSignatures.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.AgreementId == agreementId).OrderBy(s => s.Id).ToListAsync();
        Signable = agreement.Participants
            .Where(p => ParticipantSignatures.All(s => s.ParticipantId != p.Id))
            .Where(p => p.SignatoryUserId == tenant.UserId || _manages)
            .Select(p => (p, p.SignatoryUserId != tenant.UserId))
            .ToList();
        return true;
    }
}
