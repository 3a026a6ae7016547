using System.Globalization;
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
public static partial class DocxWriter
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
    private sealed partial class Renderer(WordprocessingDocument package, OfficialDocument document)
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
                    _body.Append(paragraph.Runs is { } runs ? AppendRuns(NewParagraph(style), runs) : AppendText(NewParagraph(style), paragraph.Text));
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

                _body.Append(list.RichItems is { } rich && i < rich.Count ? AppendRuns(item, rich[i]) : AppendText(item, list.Items[i]));
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
                if (field.Runs is { } runs)
                {
                    AppendRuns(paragraph, runs);
                }
                else
                {
                    AppendText(paragraph, field.Value);
                }
                _body.Append(paragraph);
            }
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

        /// <summary>Appends formatted runs, each in bold and italics as marked; "\n" becomes w:br.</summary>
        private static W.Paragraph AppendRuns(W.Paragraph paragraph, IReadOnlyList<InlineRun> runs)
        {
            foreach (var run in runs)
            {
                var lines = CleanText(run.Text).Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        paragraph.Append(new W.Run(RunProperties(run.Bold, run.Italic), new W.Break()));
                    }
                    if (lines[i].Length > 0)
                    {
                        paragraph.Append(TextRun(lines[i], run.Bold, run.Italic));
                    }
                }
            }

            return paragraph;
        }

        private static W.Run TextRun(string text, bool bold, bool italic = false) =>
            new(RunProperties(bold, italic), new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

        private static W.RunProperties RunProperties(bool bold, bool italic = false)
        {
            var properties = new W.RunProperties { Languages = new W.Languages { Val = Language } };
            if (bold)
            {
                properties.Bold = new W.Bold();
                properties.BoldComplexScript = new W.BoldComplexScript();
            }
            if (italic)
            {
                properties.Italic = new W.Italic();
                properties.ItalicComplexScript = new W.ItalicComplexScript();
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
    }
}
