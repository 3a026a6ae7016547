using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sispmpi.Web.Features.Documents;

/// <summary>
/// Public authenticity check (SPEC §5): anyone types the verification code and CRC printed on a document —
/// or opens the QR code, which fills both in — and gets the document's data, its signers and exactly the
/// stored file. Attempts are limited per address so that codes cannot be enumerated.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(DocumentVerifier verifier, VerificationRateLimiter limiter) : PageModel
{
    public const string NotFoundMessage =
        "Nenhum documento foi encontrado com o código verificador e o código CRC informados. Confira os valores impressos no rodapé do documento.";

    public const string TamperedMessage =
        "O documento armazenado não confere com o seu registro de autenticidade: ele pode ter sido alterado. Procure o órgão emissor.";

    public const string TooManyMessage =
        "Muitas tentativas de verificação a partir deste endereço. Aguarde um minuto e tente de novo.";

    [BindProperty(SupportsGet = true, Name = "codigo")]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true, Name = "crc")]
    public string? Crc { get; set; }

    public Verification? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            Error = TooManyMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Code) || string.IsNullOrWhiteSpace(Crc))
        {
            Error = "Informe o código verificador e o código CRC.";
            return Page();
        }
        Result = await verifier.VerifyAsync(Code, Crc);
        Error = Result.Outcome switch
        {
            VerificationOutcome.NotFound => NotFoundMessage,
            VerificationOutcome.Tampered => TamperedMessage,
            _ => null,
        };
        return Page();
    }

    /// <summary>Downloads the stored bytes, checked again, under the same limit.</summary>
    public async Task<IActionResult> OnPostDownloadAsync()
    {
        if (!await limiter.TryAcquireAsync(HttpContext))
        {
            Error = TooManyMessage;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var result = await verifier.VerifyAsync(Code, Crc);
        if (result.Outcome != VerificationOutcome.Authentic)
        {
            Error = result.Outcome == VerificationOutcome.Tampered ? TamperedMessage : NotFoundMessage;
            return Page();
        }
        return File(result.Bytes!, ContentTypes.Pdf, result.Document!.FileName);
    }
}
