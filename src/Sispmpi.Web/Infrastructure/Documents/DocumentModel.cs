namespace Sispmpi.Web.Infrastructure.Documents;

// A neutral description of an official document — title page, headings, paragraphs, lists, tables and
// charts — that each writer renders in its own format (PDF for publication and signature, DOCX for an
// editable draft). Builders of real documents (the plan, the programme draft, reports) produce this model
// and never touch a file format.

/// <summary>What every page of a document carries: the issuing organization in the header, the title.</summary>
public sealed record DocumentInfo(string Title, string OrganizationName, DateTimeOffset GeneratedAt, string? Subject = null);

public sealed record TitlePage(string Title, string? Subtitle, IReadOnlyList<string> Lines);

public sealed record OfficialDocument(DocumentInfo Info, TitlePage? TitlePage, IReadOnlyList<Block> Body);

public abstract record Block;

/// <summary>Level 1 to 3.</summary>
public sealed record Heading(int Level, string Text) : Block;

public enum TextStyle
{
    Normal,
    Small,
    Emphasis,
}

/// <summary>A stretch of formatted text (see <c>FormattedText</c>) in bold, italics or both; "\n" is a line break.</summary>
public sealed record InlineRun(string Text, bool Bold = false, bool Italic = false);

public sealed record Paragraph(string Text, TextStyle Style = TextStyle.Normal) : Block
{
    /// <summary>When set, the same text with its bold and italic stretches; <see cref="Text"/> stays its plain reading.</summary>
    public IReadOnlyList<InlineRun>? Runs { get; init; }
}

public sealed record BulletList(IReadOnlyList<string> Items, bool Numbered = false) : Block
{
    /// <summary>When set, the items with their bold and italic stretches, one list of runs per item.</summary>
    public IReadOnlyList<IReadOnlyList<InlineRun>>? RichItems { get; init; }
}

/// <summary>Label–value pairs, e.g. the fields of one action.</summary>
public sealed record FieldList(IReadOnlyList<Field> Fields) : Block;

public sealed record Field(string Label, string Value)
{
    /// <summary>When set, the value with its bold and italic stretches.</summary>
    public IReadOnlyList<InlineRun>? Runs { get; init; }
}

public enum Alignment
{
    Left,
    Center,
    Right,
}

public sealed record TableColumn(string Header, double RelativeWidth = 1, Alignment Alignment = Alignment.Left);

/// <summary>A table whose header row repeats on every page it runs onto.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? Caption = null) : Block;

public sealed record ChartItem(string Label, double Value, string? Color = null);

/// <summary>Horizontal bars, one per item, with the value written at the end of each bar.</summary>
public sealed record BarChart(string Title, IReadOnlyList<ChartItem> Items, string ValueFormat = "N0") : Block;

/// <summary>A ring divided among the items, with a legend giving each item's value and share.</summary>
public sealed record DoughnutChart(string Title, IReadOnlyList<ChartItem> Items) : Block;

public sealed record PageBreak : Block;

/// <summary>One electronic signature as printed on a signed document (SPEC §5).</summary>
public sealed record PrintedSignature(string Name, string? Position, string OrganizationName, DateTimeOffset SignedAt, string LegalBasis);

/// <summary>
/// What a signed PDF carries on top of its frozen content: the footer with the verification code and CRC, a
/// QR code opening the verification page with both filled in, and a closing page with every signature.
/// </summary>
public sealed record SignatureStamp(string VerificationCode, string Crc, string VerificationUrl, IReadOnlyList<PrintedSignature> Signatures);

/// <summary>A sheet of a workbook: typed columns so that dates, money and percentages stay numbers.</summary>
public enum CellKind
{
    Text,
    Integer,
    Decimal,
    Date,
    Currency,
    Percent,
}

public sealed record SheetColumn(string Header, CellKind Kind = CellKind.Text);

/// <summary>Row values: string, int/long, decimal/double, DateOnly, DateTimeOffset or null; a percent is a fraction (0.25 = 25%).</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Title = null);

public sealed record Workbook(IReadOnlyList<Sheet> Sheets, string Title, string OrganizationName);
