using Sispmpi.Core.Execution;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// The documents kept with the publication go through the evidence files' checks (<see cref="EvidenceFiles.Check"/>:
/// a name without folders, content matching the extension, no program, no HTML markup, no archive that inflates past
/// the limit), each slot accepting only its own kinds, up to 10 MB.
/// </summary>
public static class PublicationFiles
{
    private static readonly EvidenceFileType[] _documents = [EvidenceFileType.Pdf, EvidenceFileType.Doc, EvidenceFileType.Docx, EvidenceFileType.Odt];

    /// <summary>Null when the file may be stored in slot <paramref name="kind"/>; otherwise the reason, in Portuguese.</summary>
    public static string? Check(string kind, string? fileName, byte[] content)
    {
        if (kind == PublicationModel.ActionPlan)
        {
            return ActionPlanFile.Check(fileName, content);
        }
        var (accepted, wrongKind) = kind == PublicationModel.FinalPdf
            ? ((EvidenceFileType[])[EvidenceFileType.Pdf], "O arquivo enviado não é um PDF. Envie o documento final assinado em formato PDF.")
            : (_documents, "Formato não aceito: envie um arquivo PDF, DOC, DOCX ou ODT.");
        var check = EvidenceFiles.Check(fileName, content, UploadedFiles.MaxBytes);
        return check.WrongKind || (check.IsValid && !accepted.Contains(check.Type!.Value)) ? wrongKind : check.Error;
    }
}
