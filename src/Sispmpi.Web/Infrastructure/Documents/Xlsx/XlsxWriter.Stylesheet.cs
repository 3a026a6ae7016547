using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Sispmpi.Web.Infrastructure.Documents.Xlsx;

// The stylesheet: fonts, fills, borders and the pt-BR number formats that the Style enum indexes.
public static partial class XlsxWriter
{
    private static S.Stylesheet CreateStylesheet()
    {
        var formats = new S.NumberingFormats(
            new S.NumberingFormat { NumberFormatId = 164, FormatCode = IntegerFormat },
            new S.NumberingFormat { NumberFormatId = 165, FormatCode = DecimalFormat },
            new S.NumberingFormat { NumberFormatId = 166, FormatCode = CurrencyFormat },
            new S.NumberingFormat { NumberFormatId = 167, FormatCode = PercentFormat },
            new S.NumberingFormat { NumberFormatId = 168, FormatCode = DateFormat },
            new S.NumberingFormat { NumberFormatId = 169, FormatCode = DateTimeFormat });

        var fonts = new S.Fonts(
            Font(10, bold: false, color: null),
            Font(10, bold: true, color: null),
            Font(14, bold: true, color: TitleColor));

        var fills = new S.Fills(
            new S.Fill(new S.PatternFill { PatternType = S.PatternValues.None }),
            new S.Fill(new S.PatternFill { PatternType = S.PatternValues.Gray125 }),
            new S.Fill(new S.PatternFill(
                new S.ForegroundColor { Rgb = HeaderFill },
                new S.BackgroundColor { Indexed = 64 })
            { PatternType = S.PatternValues.Solid }));

        var borders = new S.Borders(
            new S.Border(new S.LeftBorder(), new S.RightBorder(), new S.TopBorder(), new S.BottomBorder(), new S.DiagonalBorder()),
            new S.Border(
                new S.LeftBorder(),
                new S.RightBorder(),
                new S.TopBorder(),
                new S.BottomBorder(new S.Color { Rgb = HeaderBorder }) { Style = S.BorderStyleValues.Medium },
                new S.DiagonalBorder()));

        var top = S.VerticalAlignmentValues.Top;
        var cellFormats = new S.CellFormats(
            Xf(0, 0, 0, 0, null),                                                       // Default
            Xf(0, 2, 0, 0, new S.Alignment { Vertical = S.VerticalAlignmentValues.Center }), // Title
            Xf(0, 1, 2, 1, new S.Alignment { Vertical = S.VerticalAlignmentValues.Center, WrapText = true }), // Header
            Xf(0, 0, 0, 0, new S.Alignment { Vertical = top }),                         // Text
            Xf(0, 0, 0, 0, new S.Alignment { Vertical = top, WrapText = true }),        // WrappedText
            Xf(164, 0, 0, 0, new S.Alignment { Vertical = top }),                       // Integer
            Xf(165, 0, 0, 0, new S.Alignment { Vertical = top }),                       // Decimal
            Xf(166, 0, 0, 0, new S.Alignment { Vertical = top }),                       // Currency
            Xf(167, 0, 0, 0, new S.Alignment { Vertical = top }),                       // Percent
            Xf(168, 0, 0, 0, new S.Alignment { Vertical = top, Horizontal = S.HorizontalAlignmentValues.Center }), // Date
            Xf(169, 0, 0, 0, new S.Alignment { Vertical = top, Horizontal = S.HorizontalAlignmentValues.Center }), // DateTime
            Xf(0, 1, 2, 1, new S.Alignment { Vertical = S.VerticalAlignmentValues.Center, Horizontal = S.HorizontalAlignmentValues.Right, WrapText = true }), // HeaderRight
            Xf(0, 1, 2, 1, new S.Alignment { Vertical = S.VerticalAlignmentValues.Center, Horizontal = S.HorizontalAlignmentValues.Center, WrapText = true })); // HeaderCenter

        return new S.Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new S.CellStyleFormats(new S.CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            cellFormats,
            new S.CellStyles(new S.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }),
            new S.DifferentialFormats(),
            new S.TableStyles { DefaultTableStyle = "TableStyleMedium2", DefaultPivotStyle = "PivotStyleLight16" });

        static S.Font Font(double size, bool bold, string? color)
        {
            var font = new S.Font();
            if (bold)
            {
                font.Append(new S.Bold());
            }

            font.Append(new S.FontSize { Val = size });
            font.Append(color is null ? new S.Color { Theme = 1 } : new S.Color { Rgb = color });
            font.Append(new S.FontName { Val = FontName });
            font.Append(new S.FontFamilyNumbering { Val = 2 });
            return font;
        }

        static S.CellFormat Xf(uint numberFormat, uint font, uint fill, uint border, S.Alignment? alignment)
        {
            var xf = new S.CellFormat
            {
                NumberFormatId = numberFormat,
                FontId = font,
                FillId = fill,
                BorderId = border,
                FormatId = 0,
            };
            if (numberFormat != 0)
            {
                xf.ApplyNumberFormat = true;
            }

            if (font != 0)
            {
                xf.ApplyFont = true;
            }

            if (fill != 0)
            {
                xf.ApplyFill = true;
            }

            if (border != 0)
            {
                xf.ApplyBorder = true;
            }

            if (alignment is not null)
            {
                xf.ApplyAlignment = true;
                xf.Append(alignment);
            }

            return xf;
        }
    }
}
