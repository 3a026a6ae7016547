using System.Globalization;
using PdfSharp.Drawing;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>Page geometry, colours and type sizes shared by <see cref="PdfWriter.Render"/> and <see cref="PdfWriter.Stamp"/>.</summary>
internal static class PdfTheme
{
    public static readonly CultureInfo PtBr = Web.BrazilTime.Culture;
    public static readonly TimeZoneInfo Brasilia = Web.BrazilTime.Zone;

    // ---- A4 portrait, in points (1 cm = 28.3465 pt) --------------------------------------------------------------
    public const double Cm = 72 / 2.54;
    public const double PageWidth = 21.0 * Cm;
    public const double PageHeight = 29.7 * Cm;
    public const double MarginLeft = 2.0 * Cm;
    public const double MarginRight = 2.0 * Cm;
    public const double BodyTop = 2.4 * Cm;
    /// <summary>
    /// The bottom margin holds the page-number footer and, below it, the signature stamp (QR code and
    /// verification sentence), so it is taller than the others.
    /// </summary>
    public const double BodyBottom = PageHeight - 3.5 * Cm;
    public const double BodyWidth = PageWidth - MarginLeft - MarginRight;
    public const double BodyRight = MarginLeft + BodyWidth;

    // Header: organization at left, title at right, thin rule below.
    public const double HeaderBaseline = 1.3 * Cm;
    public const double HeaderRuleY = HeaderBaseline + 6;

    // Footer: thin rule, then "Página X de Y".
    public const double FooterRuleY = BodyBottom + 6;
    public const double FooterBaseline = FooterRuleY + 10;

    // Stamp: QR code at left with the verification sentence beside it, under the footer; about 6 mm stay blank
    // below it, outside the unprintable edge of most printers.
    public const double StampTop = FooterBaseline + 9;
    public const double QrSize = 2.0 * Cm;
    public const double StampTextGap = 9;

    // ---- type -------------------------------------------------------------------------------------------------
    public const double BodySize = 10;
    public const double SmallSize = 8.5;
    public const double TableSize = 8.5;
    public const double HeaderSize = 8;
    public const double StampSize = 7;
    public const double LineFactor = 1.42;

    // ---- colours (gov.br Design System) ----------------------------------------------------------------------
    public static readonly XColor Text = Hex("#1B1B1B");
    public static readonly XColor Muted = Hex("#555555");
    public static readonly XColor Primary = Hex("#1351B4");
    public static readonly XColor PrimaryDark = Hex("#071D41");
    public static readonly XColor Rule = Hex("#B8C2D0");
    public static readonly XColor TableBorder = Hex("#BFC8D6");
    public static readonly XColor TableHeader = Hex("#DDE7F6");
    public static readonly XColor Zebra = Hex("#F4F6FA");
    public static readonly XColor SoftBackground = Hex("#F3F6FB");

    /// <summary>Chart colours used in turn when an item has none of its own.</summary>
    public static readonly XColor[] Palette =
    [
        Hex("#1351B4"), Hex("#168821"), Hex("#FFCD07"), Hex("#E52207"), Hex("#155BCB"), Hex("#5992ED"),
        Hex("#888888"), Hex("#0C326F"), Hex("#00A871"), Hex("#B38C00"),
    ];

    public static XColor Hex(string value) =>
        TryParseColor(value, out var color) ? color : throw new ArgumentException($"Not a #RRGGBB colour: {value}", nameof(value));

    /// <summary>Accepts #RRGGBB, RRGGBB and #RGB.</summary>
    public static bool TryParseColor(string? value, out XColor color)
    {
        color = XColors.Black;
        var hex = value?.Trim().TrimStart('#');
        if (hex is { Length: 3 })
        {
            hex = string.Concat(hex.Select(c => new string(c, 2)));
        }
        if (hex is not { Length: 6 } || !int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return false;
        }
        color = XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
        return true;
    }

    public static XColor ChartColor(ChartItem item, int index) =>
        TryParseColor(item.Color, out var color) ? color : Palette[index % Palette.Length];

    public static DateTimeOffset ToBrasilia(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Brasilia);

    public static string Date(DateTimeOffset moment) => ToBrasilia(moment).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
