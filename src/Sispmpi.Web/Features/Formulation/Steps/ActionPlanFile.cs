using Sispmpi.Core.Execution;

namespace Sispmpi.Web.Features.Formulation.Steps;

/// <summary>
/// The consolidated action plan kept with the publication: a PDF or a spreadsheet, checked as evidence files are
/// (<see cref="EvidenceFiles.Check"/>: name, size, content matching the extension, no program, no markup), up to 10 MB.
/// </summary>
public static class ActionPlanFile
{
    public const string Hint = "PDF, XLSX, XLS ou ODS, até 10 MB.";
    public const string Accept = ".pdf,.xlsx,.xls,.ods";

    private static readonly EvidenceFileType[] _accepted = [EvidenceFileType.Pdf, EvidenceFileType.Xlsx, EvidenceFileType.Xls, EvidenceFileType.Ods];

    /// <summary>Null when the file may be stored; otherwise the reason, in Portuguese.</summary>
    public static string? Check(string? fileName, byte[] content)
    {
        var check = EvidenceFiles.Check(fileName, content, UploadedFiles.MaxBytes);
        if (check.IsValid && !_accepted.Contains(check.Type!.Value))
        {
            return "Formato não aceito para o plano de ação: envie um arquivo PDF, XLSX, XLS ou ODS.";
        }
        return check.Error;
    }

    /// <summary>The stored file's type, from its name and content as checked on upload.</summary>
    public static string ContentType(string? fileName, byte[] content) =>
        EvidenceFiles.Check(fileName ?? "", content, Math.Max(content.LongLength, UploadedFiles.MaxBytes)) is { IsValid: true, ContentType: { } type } ? type : "application/octet-stream";
}
