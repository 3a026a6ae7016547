using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Sispmpi.Web.Infrastructure.Documents.Docx;

// The package parts besides the body: list numbering, settings (pt-BR decimal comma) and the font table.
public static partial class DocxWriter
{
    private sealed partial class Renderer
    {
        private W.Numbering Numbering()
        {
            var numbering = new W.Numbering(
                AbstractNum(BulletAbstract, W.NumberFormatValues.Bullet, level => level switch
                {
                    0 => "•",
                    1 => "◦",
                    _ => "▪",
                }),
                AbstractNum(DecimalAbstract, W.NumberFormatValues.Decimal, level => level switch
                {
                    0 => "%1.",
                    1 => "%1.%2.",
                    _ => "%1.%2.%3.",
                }));
            foreach (var instance in _numberingInstances)
            {
                numbering.Append(instance);
            }

            return numbering;

            static W.AbstractNum AbstractNum(int id, W.NumberFormatValues format, Func<int, string> text)
            {
                var abstractNum = new W.AbstractNum(new W.MultiLevelType { Val = W.MultiLevelValues.HybridMultilevel })
                {
                    AbstractNumberId = id,
                };
                for (var level = 0; level < 3; level++)
                {
                    var indent = 567 * (level + 1);
                    var definition = new W.Level
                    {
                        LevelIndex = level,
                        StartNumberingValue = new W.StartNumberingValue { Val = 1 },
                        NumberingFormat = new W.NumberingFormat { Val = format },
                        LevelText = new W.LevelText { Val = text(level) },
                        LevelJustification = new W.LevelJustification { Val = W.LevelJustificationValues.Left },
                        PreviousParagraphProperties = new W.PreviousParagraphProperties(
                            new W.Indentation { Left = indent.ToString(CultureInfo.InvariantCulture), Hanging = "397" }),
                    };
                    if (format == W.NumberFormatValues.Bullet)
                    {
                        definition.NumberingSymbolRunProperties = new W.NumberingSymbolRunProperties(
                            new W.RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName },
                            new W.Color { Val = Blue });
                    }

                    abstractNum.Append(definition);
                }

                return abstractNum;
            }
        }

        private static W.Settings Settings() =>
            new(
                new W.Zoom { Percent = "100" },
                new W.DefaultTabStop { Val = 708 },
                new W.CharacterSpacingControl { Val = W.CharacterSpacingValues.DoNotCompress },
                new W.Compatibility(
                    // A line break in a justified paragraph ends its line as typed, not stretched to the margin.
                    new W.DoNotExpandShiftReturn(),
                    new W.CompatibilitySetting
                {
                    Name = W.CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }),
                new W.ThemeFontLanguages { Val = Language },
                new W.DecimalSymbol { Val = "," },
                new W.ListSeparator { Val = ";" });

        private static W.Fonts FontTable() =>
            new(
                new W.Font(
                    new W.AltName { Val = "Arial" },
                    new W.FontCharSet { Val = "00" },
                    new W.FontFamily { Val = W.FontFamilyValues.Swiss },
                    new W.Pitch { Val = W.FontPitchValues.Variable })
                { Name = FontName });
    }
}
