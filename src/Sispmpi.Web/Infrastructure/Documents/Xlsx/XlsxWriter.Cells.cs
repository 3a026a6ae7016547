using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Sispmpi.Web.Infrastructure.Documents.Xlsx;

// Typed cells: text through the shared strings, numbers and dates as numbers with a pt-BR format, references.
public static partial class XlsxWriter
{
    private static S.Cell TextCell(string reference, string text, Style style, SharedStrings strings) =>
        new()
        {
            CellReference = reference,
            DataType = S.CellValues.SharedString,
            StyleIndex = (uint)style,
            CellValue = new S.CellValue(strings.Index(text).ToString(CultureInfo.InvariantCulture)),
        };

    private static S.Cell NumberCell(string reference, string number, Style style) =>
        new()
        {
            CellReference = reference,
            StyleIndex = (uint)style,
            CellValue = new S.CellValue(number),
        };

    /// <summary>A cell for one value, or null for an empty one; <paramref name="length"/> is its width as displayed.</summary>
    private static S.Cell? ValueCell(string reference, CellKind kind, object? value, SharedStrings strings, out int length)
    {
        length = 0;
        switch (value)
        {
            case null:
                return null;
            case string text:
                if (text.Length == 0)
                {
                    return null;
                }

                length = LongestLine(text);
                var wrap = length > MaxColumnWidth || text.Contains('\n', StringComparison.Ordinal);
                length = Math.Min(length, (int)MaxColumnWidth);
                return TextCell(reference, text, wrap ? Style.WrappedText : Style.Text, strings);
            case bool flag:
                length = 3;
                return TextCell(reference, flag ? "Sim" : "Não", Style.Text, strings);
            case DateOnly date:
                length = 10;
                return NumberCell(reference, Serial(date.ToDateTime(TimeOnly.MinValue)), Style.Date);
            case DateTimeOffset moment:
                length = 16;
                return NumberCell(reference, Serial(TimeZoneInfo.ConvertTime(moment, Web.BrazilTime.Zone).DateTime), Style.DateTime);
            case DateTime dateTime:
                var local = dateTime.Kind == DateTimeKind.Utc ? TimeZoneInfo.ConvertTimeFromUtc(dateTime, Web.BrazilTime.Zone) : dateTime;
                var dateOnly = local.TimeOfDay == TimeSpan.Zero;
                length = dateOnly ? 10 : 16;
                return NumberCell(reference, Serial(local), dateOnly ? Style.Date : Style.DateTime);
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                var integer = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return Number(integer, kind == CellKind.Text || kind == CellKind.Date ? CellKind.Integer : kind, out length);
            case decimal number:
                return Number(number, kind == CellKind.Text || kind == CellKind.Date ? CellKind.Decimal : kind, out length);
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (!double.IsFinite(real))
                {
                    return null;
                }

                var asDecimal = Math.Abs(real) < 7.9e27 ? (decimal)real : 0m;
                length = DisplayLength(asDecimal, kind);
                return NumberCell(
                    reference,
                    real.ToString("R", CultureInfo.InvariantCulture),
                    NumberStyle(kind == CellKind.Text || kind == CellKind.Date ? CellKind.Decimal : kind));
            default:
                var other = Convert.ToString(value, PtBr) ?? "";
                length = Math.Min(LongestLine(other), (int)MaxColumnWidth);
                return other.Length == 0 ? null : TextCell(reference, other, Style.Text, strings);
        }

        S.Cell Number(decimal number, CellKind numberKind, out int displayLength)
        {
            displayLength = DisplayLength(number, numberKind);
            return NumberCell(reference, number.ToString(CultureInfo.InvariantCulture), NumberStyle(numberKind));
        }
    }

    private static Style NumberStyle(CellKind kind) => kind switch
    {
        CellKind.Integer => Style.Integer,
        CellKind.Currency => Style.Currency,
        CellKind.Percent => Style.Percent,
        _ => Style.Decimal,
    };

    private static int DisplayLength(decimal number, CellKind kind) => kind switch
    {
        CellKind.Integer => number.ToString("N0", PtBr).Length,
        CellKind.Currency => number.ToString("N2", PtBr).Length + 3,
        CellKind.Percent => (number * 100).ToString("N1", PtBr).Length + 1,
        _ => number.ToString("N2", PtBr).Length,
    };

    /// <summary>Excel's serial number of a date and time: days since 1899-12-30 and the time as a fraction of a day.</summary>
    internal static string Serial(DateTime moment)
    {
        var days = moment.Date.Subtract(SerialEpoch.ToDateTime(TimeOnly.MinValue)).Days;
        // Whole seconds are all the formats show, and all that survives the round trip through a double.
        var seconds = (long)Math.Round(moment.TimeOfDay.TotalSeconds, MidpointRounding.AwayFromZero);
        var serial = days + (seconds / 86400.0);
        return serial.ToString("R", CultureInfo.InvariantCulture);
    }

    internal static string ColumnName(int columnNumber)
    {
        var name = new StringBuilder();
        for (var n = columnNumber; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    private static string Reference(int columnIndex, int row) => ColumnName(columnIndex + 1) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text as a cell may hold it: without characters XML forbids, at most 32,767 characters, and with a
    /// literal "_xHHHH_" escaped so that Excel does not read it as an escaped character.
    /// </summary>
    internal static string CleanText(string text)
    {
        var clean = EscapeLookalike().Replace(XmlText.Clean(text), "_x005F$0");
        return Truncate(clean, MaxCellText);
    }

    [GeneratedRegex("_x[0-9A-Fa-f]{4}_")]
    private static partial Regex EscapeLookalike();
}
