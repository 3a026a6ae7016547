using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Sispmpi.Web.Infrastructure.Documents.Docx;

// The style sheet: Normal, Title, Heading 1–3, lists, fields, captions, table text, header and footer.
public static partial class DocxWriter
{
    private sealed partial class Renderer
    {
        private static W.Styles Styles()
        {
            var styles = new W.Styles(
                new W.DocDefaults(
                    new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                        new W.RunFonts { Ascii = FontName, HighAnsi = FontName, EastAsia = FontName, ComplexScript = FontName },
                        new W.FontSize { Val = "21" },
                        new W.FontSizeComplexScript { Val = "21" },
                        new W.Languages { Val = Language, EastAsia = Language, Bidi = "ar-SA" })),
                    new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(
                        new W.SpacingBetweenLines { After = "120", Line = "276", LineRule = W.LineSpacingRuleValues.Auto }))));

            styles.Append(ParagraphStyle("Normal", "Normal", basedOn: null, next: null, priority: 0, isDefault: true,
                paragraph: new W.StyleParagraphProperties { Justification = new W.Justification { Val = W.JustificationValues.Both } },
                run: new W.StyleRunProperties { Color = new W.Color { Val = "1A1A1A" } }));

            styles.Append(ParagraphStyle("Title", "Title", "Normal", "Normal", 10,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "360", Line = "240", LineRule = W.LineSpacingRuleValues.Auto },
                    Justification = new W.Justification { Val = W.JustificationValues.Center },
                },
                run: new W.StyleRunProperties
                {
                    Bold = new W.Bold(),
                    BoldComplexScript = new W.BoldComplexScript(),
                    Color = new W.Color { Val = DarkBlue },
                    FontSize = new W.FontSize { Val = "52" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "52" },
                }));

            styles.Append(ParagraphStyle("Subtitle", "Subtitle", "Normal", "Normal", 11,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "720" },
                    Justification = new W.Justification { Val = W.JustificationValues.Center },
                },
                run: new W.StyleRunProperties
                {
                    Color = new W.Color { Val = Blue },
                    FontSize = new W.FontSize { Val = "30" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "30" },
                }));

            styles.Append(ParagraphStyle("TitlePageLine", "Linha da capa", "Normal", "TitlePageLine", 12, custom: true,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "60" },
                    Justification = new W.Justification { Val = W.JustificationValues.Center },
                },
                run: new W.StyleRunProperties
                {
                    Color = new W.Color { Val = Gray },
                    FontSize = new W.FontSize { Val = "24" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "24" },
                }));

            styles.Append(HeadingStyle(1, size: 32, color: DarkBlue, before: 480, after: 160, border: true));
            styles.Append(HeadingStyle(2, size: 26, color: Blue, before: 360, after: 120, border: false));
            styles.Append(HeadingStyle(3, size: 22, color: DarkBlue, before: 240, after: 80, border: false));

            styles.Append(ParagraphStyle("SmallText", "Texto pequeno", "Normal", "SmallText", 20, custom: true,
                paragraph: null,
                run: new W.StyleRunProperties
                {
                    Color = new W.Color { Val = Gray },
                    FontSize = new W.FontSize { Val = "17" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "17" },
                }));

            styles.Append(ParagraphStyle("EmphasisText", "Texto em destaque", "Normal", "EmphasisText", 20, custom: true,
                paragraph: new W.StyleParagraphProperties
                {
                    ParagraphBorders = new W.ParagraphBorders(new W.LeftBorder { Val = W.BorderValues.Single, Size = 18, Space = 8, Color = Blue }),
                    Shading = new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = BandShade },
                    SpacingBetweenLines = new W.SpacingBetweenLines { Before = "120", After = "240" },
                    Indentation = new W.Indentation { Left = "227", Right = "113" },
                },
                run: new W.StyleRunProperties { Italic = new W.Italic(), ItalicComplexScript = new W.ItalicComplexScript(), Color = new W.Color { Val = DarkBlue } }));

            styles.Append(ParagraphStyle("ListParagraph", "List Paragraph", "Normal", "ListParagraph", 34,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "120" },
                    Indentation = new W.Indentation { Left = "567", Hanging = "397" },
                    ContextualSpacing = new W.ContextualSpacing(),
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: null));

            styles.Append(ParagraphStyle("FieldEntry", "Campo", "Normal", "FieldEntry", 20, custom: true,
                paragraph: new W.StyleParagraphProperties
                {
                    KeepLines = new W.KeepLines(),
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "60" },
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: null));

            styles.Append(ParagraphStyle("Caption", "caption", "Normal", "Normal", 35,
                paragraph: new W.StyleParagraphProperties
                {
                    KeepNext = new W.KeepNext(),
                    SpacingBetweenLines = new W.SpacingBetweenLines { Before = "240", After = "80" },
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: new W.StyleRunProperties
                {
                    Bold = new W.Bold(),
                    BoldComplexScript = new W.BoldComplexScript(),
                    Color = new W.Color { Val = DarkBlue },
                    FontSize = new W.FontSize { Val = "19" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "19" },
                }));

            var tableText = new W.StyleRunProperties
            {
                FontSize = new W.FontSize { Val = "18" },
                FontSizeComplexScript = new W.FontSizeComplexScript { Val = "18" },
            };
            styles.Append(ParagraphStyle("TableText", "Texto de tabela", "Normal", "TableText", 21, custom: true,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = W.LineSpacingRuleValues.Auto },
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: tableText));
            styles.Append(ParagraphStyle("TableHeading", "Cabeçalho de tabela", "TableText", "TableText", 21, custom: true,
                paragraph: new W.StyleParagraphProperties { KeepNext = new W.KeepNext() },
                run: new W.StyleRunProperties { Bold = new W.Bold(), BoldComplexScript = new W.BoldComplexScript(), Color = new W.Color { Val = DarkBlue } }));
            styles.Append(ParagraphStyle("TableSpacer", "Espaço após tabela", "Normal", "Normal", 22, custom: true,
                paragraph: new W.StyleParagraphProperties
                {
                    SpacingBetweenLines = new W.SpacingBetweenLines { Before = "0", After = "120", Line = "120", LineRule = W.LineSpacingRuleValues.Exact },
                },
                run: null));

            var tabs = new W.Tabs(new W.TabStop { Val = W.TabStopValues.Right, Position = TextWidth });
            styles.Append(ParagraphStyle("Header", "header", "Normal", "Header", 99,
                paragraph: new W.StyleParagraphProperties
                {
                    ParagraphBorders = new W.ParagraphBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 6, Space = 4, Color = Blue }),
                    Tabs = (W.Tabs)tabs.CloneNode(true),
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto },
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: new W.StyleRunProperties
                {
                    Color = new W.Color { Val = DarkBlue },
                    FontSize = new W.FontSize { Val = "17" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "17" },
                }));
            styles.Append(ParagraphStyle("Footer", "footer", "Normal", "Footer", 99,
                paragraph: new W.StyleParagraphProperties
                {
                    ParagraphBorders = new W.ParagraphBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 4, Space = 4, Color = BorderGray }),
                    Tabs = (W.Tabs)tabs.CloneNode(true),
                    SpacingBetweenLines = new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto },
                    Justification = new W.Justification { Val = W.JustificationValues.Left },
                },
                run: new W.StyleRunProperties
                {
                    Color = new W.Color { Val = Gray },
                    FontSize = new W.FontSize { Val = "16" },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = "16" },
                }));

            styles.Append(new W.Style(
                new W.StyleName { Val = "Normal Table" },
                new W.UIPriority { Val = 99 },
                new W.SemiHidden(),
                new W.UnhideWhenUsed(),
                new W.StyleTableProperties(
                    new W.TableIndentation { Width = 0, Type = W.TableWidthUnitValues.Dxa },
                    new W.TableCellMarginDefault(
                        new W.TopMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                        new W.TableCellLeftMargin { Width = 108, Type = W.TableWidthValues.Dxa },
                        new W.BottomMargin { Width = "0", Type = W.TableWidthUnitValues.Dxa },
                        new W.TableCellRightMargin { Width = 108, Type = W.TableWidthValues.Dxa })))
            {
                Type = W.StyleValues.Table,
                StyleId = "TableNormal",
                Default = true,
            });

            styles.Append(new W.Style(
                new W.StyleName { Val = "Tabela oficial" },
                new W.BasedOn { Val = "TableNormal" },
                new W.UIPriority { Val = 39 },
                new W.StyleParagraphProperties(new W.SpacingBetweenLines { After = "0", Line = "240", LineRule = W.LineSpacingRuleValues.Auto }),
                new W.StyleTableProperties(
                    Borders<W.TableBorders>(),
                    new W.TableCellMarginDefault(
                        new W.TopMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                        new W.TableCellLeftMargin { Width = 85, Type = W.TableWidthValues.Dxa },
                        new W.BottomMargin { Width = "28", Type = W.TableWidthUnitValues.Dxa },
                        new W.TableCellRightMargin { Width = 85, Type = W.TableWidthValues.Dxa })))
            {
                Type = W.StyleValues.Table,
                StyleId = "OfficialTable",
                CustomStyle = true,
            });

            return styles;
        }

        private static T Borders<T>()
            where T : OpenXmlCompositeElement, new()
        {
            var borders = new T();
            borders.Append(
                new W.TopBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray },
                new W.LeftBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray },
                new W.BottomBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray },
                new W.RightBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray },
                new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray },
                new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4, Space = 0, Color = BorderGray });
            return borders;
        }

        private static W.Style HeadingStyle(int level, int size, string color, int before, int after, bool border)
        {
            var paragraph = new W.StyleParagraphProperties
            {
                KeepNext = new W.KeepNext(),
                KeepLines = new W.KeepLines(),
                SpacingBetweenLines = new W.SpacingBetweenLines
                {
                    Before = before.ToString(CultureInfo.InvariantCulture),
                    After = after.ToString(CultureInfo.InvariantCulture),
                    Line = "240",
                    LineRule = W.LineSpacingRuleValues.Auto,
                },
                Justification = new W.Justification { Val = W.JustificationValues.Left },
                OutlineLevel = new W.OutlineLevel { Val = level - 1 },
            };
            if (border)
            {
                paragraph.ParagraphBorders = new W.ParagraphBorders(new W.BottomBorder { Val = W.BorderValues.Single, Size = 8, Space = 4, Color = Blue });
            }

            return ParagraphStyle($"Heading{level}", $"heading {level}", "Normal", "Normal", 9,
                paragraph: paragraph,
                run: new W.StyleRunProperties
                {
                    Bold = new W.Bold(),
                    BoldComplexScript = new W.BoldComplexScript(),
                    Color = new W.Color { Val = color },
                    FontSize = new W.FontSize { Val = size.ToString(CultureInfo.InvariantCulture) },
                    FontSizeComplexScript = new W.FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) },
                });
        }

        /// <summary>
        /// A paragraph style. Built-in styles keep Word's English names ("heading 1", "caption"), which Word shows
        /// translated ("Título 1", "Legenda") and recognizes as its own; custom styles carry Portuguese names.
        /// </summary>
        private static W.Style ParagraphStyle(
            string id,
            string name,
            string? basedOn,
            string? next,
            int priority,
            W.StyleParagraphProperties? paragraph,
            W.StyleRunProperties? run,
            bool isDefault = false,
            bool custom = false)
        {
            var style = new W.Style { Type = W.StyleValues.Paragraph, StyleId = id };
            if (isDefault)
            {
                style.Default = true;
            }

            if (custom)
            {
                style.CustomStyle = true;
            }

            style.StyleName = new W.StyleName { Val = name };
            if (basedOn is not null)
            {
                style.BasedOn = new W.BasedOn { Val = basedOn };
            }

            if (next is not null)
            {
                style.NextParagraphStyle = new W.NextParagraphStyle { Val = next };
            }

            style.UIPriority = new W.UIPriority { Val = priority };
            style.PrimaryStyle = new W.PrimaryStyle();
            if (paragraph is not null)
            {
                style.StyleParagraphProperties = paragraph;
            }

            if (run is not null)
            {
                style.StyleRunProperties = run;
            }

            return style;
        }
    }
}
