using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Sispmpi.Web.Infrastructure.Documents.Docx;

/// <summary>
/// Renders an <see cref="OfficialDocument"/> as an editable Word document (.docx): A4 with 2 cm margins, real
/// paragraph styles (Title, Heading 1–3, list and table styles, so the navigation pane and the table of
/// contents work), the organization in the header and "Página X de Y" in the footer, lists on a real numbering
/// definition, tables whose header row repeats on every page, and charts as tables of label, value and share.
/// All text is marked pt-BR so that the spelling checker reads it as Portuguese.
/// </summary>
public static class DocxWriter
{
    public static byte[] Render(OfficialDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            new Renderer(package, document).Render();
        }

        return stream.ToArray();
    }

    /// <summary>Carries the state of one rendering: the body, the numbering instances, a pending page break.</summary>
    private sealed class Renderer(WordprocessingDocument package, OfficialDocument document)
    {
        private const string Language = "pt-BR";
        private const string FontName = "Noto Sans";

        // Page geometry in twentieths of a point: A4, 2 cm margins, 1.25 cm from the edge to header and footer.
        private const int PageWidth = 11906;
        private const int PageHeight = 16838;
        private const int Margin = 1134;
        private const int HeaderDistance = 709;
        internal const int TextWidth = PageWidth - (2 * Margin);

        private const string DarkBlue = "071D41";
        private const string Blue = "1351B4";
        private const string Gray = "555555";
        private const string BorderGray = "A6A6A6";
        private const string HeaderShade = "DCE4F2";
        private const string BandShade = "F4F6FA";

        private const int BulletAbstract = 0;
        private const int DecimalAbstract = 1;
        private const int BulletInstance = 1;

        private static readonly CultureInfo PtBr = Web.BrazilTime.Culture;

        private readonly W.Body _body = new();
        private readonly List<W.NumberingInstance> _numberingInstances = [];
        private bool _pageBreakPending;

        public void Render()
        {
            var main = package.AddMainDocumentPart();
            WriteProperties();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = Settings();
            main.AddNewPart<FontTablePart>().Fonts = FontTable();

            _numberingInstances.Add(new W.NumberingInstance(new W.AbstractNumId { Val = BulletAbstract }) { NumberID = BulletInstance });

            if (document.TitlePage is { } titlePage)
            {
                WriteTitlePage(titlePage);
            }

            foreach (var block in document.Body)
            {
                WriteBlock(block);
            }

            main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();

            var header = main.AddNewPart<HeaderPart>();
            header.Header = Header();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer();

            var section = new W.SectionProperties(
                new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            if (document.TitlePage is not null)
            {
                // The cover keeps the organization in its header but carries no page number.
                var coverFooter = main.AddNewPart<FooterPart>();
                coverFooter.Footer = new W.Footer(new W.Paragraph());
                section.Append(
                    new W.HeaderReference { Type = W.HeaderFooterValues.First, Id = main.GetIdOfPart(header) },
                    new W.FooterReference { Type = W.HeaderFooterValues.First, Id = main.GetIdOfPart(coverFooter) });
            }

            section.Append(
                new W.PageSize { Width = PageWidth, Height = PageHeight },
                new W.PageMargin
                {
                    Top = Margin,
                    Right = Margin,
                    Bottom = Margin,
                    Left = Margin,
                    Header = HeaderDistance,
                    Footer = HeaderDistance,
                    Gutter = 0,
                });
            if (document.TitlePage is not null)
            {
                section.Append(new W.TitlePage());
            }

            section.Append(new W.DocGrid { LinePitch = 360 });
            if (!_body.HasChildren)
            {
                // Word wants at least one paragraph to put the cursor in.
                _body.Append(new W.Paragraph());
            }

            _body.Append(section);
            main.Document = new W.Document(_body);
        }

        private void WriteProperties()
        {
            var info = document.Info;
            package.PackageProperties.Title = info.Title;
            package.PackageProperties.Subject = info.Subject;
            package.PackageProperties.Creator = "SisPMPI";
            package.PackageProperties.LastModifiedBy = "SisPMPI";
            package.PackageProperties.Language = Language;
            package.PackageProperties.Created = info.GeneratedAt.UtcDateTime;
            package.PackageProperties.Modified = info.GeneratedAt.UtcDateTime;

            var extended = package.AddExtendedFilePropertiesPart();
            extended.Properties = new Properties(
                new Application("SisPMPI"),
                new Company(info.OrganizationName));
        }

        // --- blocks ---------------------------------------------------------------------------------------

        private void WriteTitlePage(TitlePage titlePage)
        {
            var title = NewParagraph("Title");
            title.ParagraphProperties!.SpacingBetweenLines = new W.SpacingBetweenLines { Before = "3600" };
            AppendText(title, titlePage.Title);
            _body.Append(title);

            if (!string.IsNullOrWhiteSpace(titlePage.Subtitle))
            {
                _body.Append(AppendText(NewParagraph("Subtitle"), titlePage.Subtitle));
            }

            foreach (var line in titlePage.Lines)
            {
                _body.Append(AppendText(NewParagraph("TitlePageLine"), line));
            }

            _pageBreakPending = true;
        }

        private void WriteBlock(Block block)
        {
            switch (block)
            {
                case Heading heading:
                    var level = Math.Clamp(heading.Level, 1, 3);
                    _body.Append(AppendText(NewParagraph($"Heading{level}"), heading.Text));
                    break;
                case Paragraph paragraph:
                    var style = paragraph.Style switch
                    {
                        TextStyle.Small => "SmallText",
                        TextStyle.Emphasis => "EmphasisText",
                        _ => "Normal",
                    };
                    _body.Append(AppendText(NewParagraph(style), paragraph.Text));
                    break;
                case BulletList list:
                    WriteList(list);
                    break;
                case FieldList fields:
                    WriteFields(fields);
                    break;
                case Table table:
                    WriteTable(table);
                    break;
                case BarChart bar:
                    WriteChart(bar.Title, bar.Items, bar.ValueFormat);
                    break;
                case DoughnutChart doughnut:
                    var integral = doughnut.Items.All(i => Math.Abs(i.Value % 1) < 1e-9);
                    WriteChart(doughnut.Title, doughnut.Items, integral ? "N0" : "N2");
                    break;
                case PageBreak:
                    if (_pageBreakPending)
                    {
                        // Two breaks in a row: an empty page was asked for.
                        _body.Append(BreakParagraph());
                    }

                    _pageBreakPending = true;
                    break;
            }
        }

        private void WriteList(BulletList list)
        {
            if (list.Items.Count == 0)
            {
                return;
            }

            var instance = BulletInstance;
            if (list.Numbered)
            {
                // Each numbered list is an instance of its own, restarting at 1.
                instance = _numberingInstances.Count + 1;
                _numberingInstances.Add(new W.NumberingInstance(
                    new W.AbstractNumId { Val = DecimalAbstract },
                    new W.LevelOverride(new W.StartOverrideNumberingValue { Val = 1 }) { LevelIndex = 0 })
                { NumberID = instance });
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                var item = NewParagraph("ListParagraph");
                item.ParagraphProperties!.NumberingProperties = new W.NumberingProperties(
                    new W.NumberingLevelReference { Val = 0 },
                    new W.NumberingId { Val = instance });
                if (i == list.Items.Count - 1)
                {
                    // The list's last item keeps its space from what follows.
                    item.ParagraphProperties.ContextualSpacing = new W.ContextualSpacing { Val = false };
                }

                _body.Append(AppendText(item, list.Items[i]));
            }
        }

        private void WriteFields(FieldList fields)
        {
            foreach (var field in fields.Fields)
            {
                var paragraph = NewParagraph("FieldEntry");
                var label = field.Label.TrimEnd();
                if (label.Length > 0 && !label.EndsWith(':'))
                {
                    label += ":";
                }

                paragraph.Append(TextRun(label + " ", bold: true));
                AppendText(paragraph, field.Value);
                _body.Append(paragraph);
            }
        }

        private void WriteTable(Table table)
        {
            if (table.Columns.Count == 0)
            {
                return;
            }

            if (!string.IsNullOrWhiteSpace(table.Caption))
            {
                _body.Append(AppendText(NewParagraph("Caption"), table.Caption));
            }

            var rows = table.Rows.Select(r => (IReadOnlyList<string?>)r.Select(v => (string?)v).ToList()).ToList();
            AppendTable(BuildTable(table.Columns, rows, table.Caption, boldLastRow: false));
        }

        private void WriteChart(string title, IReadOnlyList<ChartItem> items, string valueFormat)
        {
            if (!string.IsNullOrWhiteSpace(title))
            {
                _body.Append(AppendText(NewParagraph("Caption"), title));
            }

            var total = items.Sum(i => i.Value);
            var columns = new List<TableColumn>
            {
                new("Item", 4),
                new("Valor", 1.5, Alignment.Right),
                new("Participação", 1.5, Alignment.Right),
            };
            var rows = new List<IReadOnlyList<string?>>();
            var colors = new List<string?>();
            // Items drawn in a color carry a square of it; when some do, the others get a neutral one.
            var anyColor = items.Any(i => ColorHex(i.Color) is not null);
            foreach (var item in items)
            {
                rows.Add([item.Label, FormatValue(item.Value, valueFormat), Share(item.Value, total)]);
                colors.Add(ColorHex(item.Color) ?? (anyColor ? BorderGray : null));
            }

            rows.Add(["Total", FormatValue(total, valueFormat), total > 0 ? Share(total, total) : "—"]);
            colors.Add(null);
            AppendTable(BuildTable(columns, rows, title, boldLastRow: true, colors));
        }

        private static string FormatValue(double value, string format)
        {
            try
            {
                return value.ToString(string.IsNullOrWhiteSpace(format) ? "N0" : format, PtBr);
            }
            catch (FormatException)
            {
                return value.ToString("N0", PtBr);
            }
        }

        private static string Share(double value, double total) =>
            total > 0 ? (value / total * 100).ToString("N1", PtBr) + "%" : "—";

        /// <summary>"#1351B4" or "1351B4" as six hex digits; anything else is no color.</summary>
        private static string? ColorHex(string? color)
        {
            var hex = color?.Trim().TrimStart('#');
            return hex is { Length: 6 } && hex.All(char.IsAsciiHexDigit) ? hex.ToUpperInvariant() : null;
        }

        private void AppendTable(W.Table table)
        {
            if (_pageBreakPending)
            {
                // A table cannot start a page by itself: a tiny paragraph takes the break.
                _body.Append(NewParagraph("TableSpacer"));
            }

            _body.Append(table);
            // A table is followed by a little space, not glued to the next paragraph.
            _body.Append(new W.Paragraph(new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = "TableSpacer" } }));
        }

        private static W.Table BuildTable(
            IReadOnlyList<TableColumn> columns,
            IReadOnlyList<IReadOnlyList<string?>> rows,
            string? caption,
            bool boldLastRow,
            IReadOnlyList<string?>? markerColors = null)
        {
            var widths = ColumnWidths(columns);
            var properties = new W.TableProperties
            {
                TableStyle = new W.TableStyle { Val = "OfficialTable" },
                TableWidth = new W.TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                TableBorders = Borders<W.TableBorders>(),
                TableLayout = new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                TableLook = new W.TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
            };
            if (!string.IsNullOrWhiteSpace(caption))
            {
                properties.TableCaption = new W.TableCaption { Val = Truncate(CleanText(caption), 250) };
            }

            var table = new W.Table(properties, new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

            var header = new W.TableRow(new W.TableRowProperties(new W.CantSplit(), new W.TableHeader()));
            for (var c = 0; c < columns.Count; c++)
            {
                var paragraph = CellParagraph("TableHeading", columns[c].Alignment);
                AppendText(paragraph, columns[c].Header);
                header.Append(Cell(widths[c], HeaderShade, paragraph));
            }

            table.Append(header);

            for (var r = 0; r < rows.Count; r++)
            {
                var bold = boldLastRow && r == rows.Count - 1;
                // A row stays on one page (one taller than a page is still split by Word and LibreOffice).
                var row = new W.TableRow(new W.TableRowProperties(new W.CantSplit()));

                var shade = r % 2 == 1 ? BandShade : null;
                for (var c = 0; c < columns.Count; c++)
                {
                    var paragraph = CellParagraph("TableText", columns[c].Alignment);
                    var text = c < rows[r].Count ? rows[r][c] ?? "" : "";
                    if (c == 0 && markerColors is not null && r < markerColors.Count && markerColors[r] is { } color)
                    {
                        var marker = TextRun("■ ", bold: false);
                        marker.RunProperties!.Color = new W.Color { Val = color };
                        paragraph.Append(marker);
                    }

                    AppendText(paragraph, text, bold);
                    row.Append(Cell(widths[c], shade, paragraph));
                }

                table.Append(row);
            }

            return table;

            W.TableCell Cell(int width, string? fill, W.Paragraph paragraph)
            {
                var cellProperties = new W.TableCellProperties
                {
                    TableCellWidth = new W.TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = W.TableWidthUnitValues.Dxa },
                };
                if (fill is not null)
                {
                    cellProperties.Shading = new W.Shading { Val = W.ShadingPatternValues.Clear, Color = "auto", Fill = fill };
                }

                return new W.TableCell(cellProperties, paragraph);
            }
        }

        private static W.Paragraph CellParagraph(string style, Alignment alignment) =>
            new(new W.ParagraphProperties
            {
                ParagraphStyleId = new W.ParagraphStyleId { Val = style },
                Justification = new W.Justification
                {
                    Val = alignment switch
                    {
                        Alignment.Center => W.JustificationValues.Center,
                        Alignment.Right => W.JustificationValues.Right,
                        _ => W.JustificationValues.Left,
                    },
                },
            });

        /// <summary>Column widths in twips from the relative widths, filling the text width.</summary>
        internal static int[] ColumnWidths(IReadOnlyList<TableColumn> columns)
        {
            var relative = columns.Select(c => double.IsFinite(c.RelativeWidth) && c.RelativeWidth > 0 ? c.RelativeWidth : 1).ToArray();
            var sum = relative.Sum();
            var widths = relative.Select(r => (int)Math.Floor(TextWidth * r / sum)).ToArray();
            widths[^1] += TextWidth - widths.Sum();
            return widths;
        }

        private static W.Paragraph BreakParagraph() =>
            new(new W.Run(new W.Break { Type = W.BreakValues.Page }));

        /// <summary>A paragraph of a style, taking the page break that a previous block left pending.</summary>
        private W.Paragraph NewParagraph(string style)
        {
            var properties = new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = style } };
            if (_pageBreakPending)
            {
                properties.PageBreakBefore = new W.PageBreakBefore();
                _pageBreakPending = false;
            }

            return new W.Paragraph(properties);
        }

        // --- text -----------------------------------------------------------------------------------------

        /// <summary>Appends text as runs: line breaks become w:br and tabs w:tab, so the text reads as written.</summary>
        private static W.Paragraph AppendText(W.Paragraph paragraph, string? text, bool bold = false)
        {
            var clean = CleanText(text ?? "");
            var lines = clean.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    paragraph.Append(new W.Run(RunProperties(bold), new W.Break()));
                }

                var parts = lines[i].Split('\t');
                for (var p = 0; p < parts.Length; p++)
                {
                    if (p > 0)
                    {
                        paragraph.Append(new W.Run(RunProperties(bold), new W.TabChar()));
                    }

                    if (parts[p].Length > 0)
                    {
                        paragraph.Append(TextRun(parts[p], bold));
                    }
                }
            }

            return paragraph;
        }

        private static W.Run TextRun(string text, bool bold) =>
            new(RunProperties(bold), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

        private static W.RunProperties RunProperties(bool bold)
        {
            var properties = new W.RunProperties { Languages = new W.Languages { Val = Language } };
            if (bold)
            {
                properties.Bold = new W.Bold();
                properties.BoldComplexScript = new W.BoldComplexScript();
            }

            return properties;
        }

        private static string CleanText(string text) => XmlText.Clean(text);

        private static string Truncate(string text, int length) => XmlText.Truncate(text, length);

        // --- header and footer ----------------------------------------------------------------------------

        private W.Header Header()
        {
            var paragraph = new W.Paragraph(new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = "Header" } });
            AppendText(paragraph, document.Info.OrganizationName, bold: true);
            return new W.Header(paragraph);
        }

        private W.Footer Footer()
        {
            var paragraph = new W.Paragraph(new W.ParagraphProperties { ParagraphStyleId = new W.ParagraphStyleId { Val = "Footer" } });
            AppendText(paragraph, document.Info.Title.Replace('\n', ' '));
            paragraph.Append(new W.Run(RunProperties(false), new W.TabChar()));
            paragraph.Append(TextRun("Página ", bold: false));
            AppendField(paragraph, "PAGE", "1");
            paragraph.Append(TextRun(" de ", bold: false));
            AppendField(paragraph, "NUMPAGES", "1");
            return new W.Footer(paragraph);
        }

        /// <summary>A complex field (begin, instruction, separate, cached result, end) that Word and LibreOffice update.</summary>
        private static void AppendField(W.Paragraph paragraph, string instruction, string placeholder)
        {
            paragraph.Append(
                new W.Run(RunProperties(false), new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
                new W.Run(RunProperties(false), new W.FieldCode($" {instruction} \\* MERGEFORMAT ") { Space = SpaceProcessingModeValues.Preserve }),
                new W.Run(RunProperties(false), new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
                new W.Run(RunProperties(false), new W.Text(placeholder)),
                new W.Run(RunProperties(false), new W.FieldChar { FieldCharType = W.FieldCharValues.End }));
        }

        // --- parts ----------------------------------------------------------------------------------------

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
