using System.Text;
using System.Text.Unicode;

namespace Sispmpi.Web.Features.Formulation.Import;

/// <summary>One row of an uploaded table, numbered as the user's spreadsheet numbers it (the first row is 1).</summary>
public sealed record SheetRow(int Line, IReadOnlyList<string> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The rows read from a file, or the reason it could not be read. <see cref="HasMoreRows"/> says that reading
/// stopped at the row limit with filled rows still to come.
/// </summary>
public sealed record SheetTable(IReadOnlyList<SheetRow> Rows, bool HasMoreRows = false, string? Problem = null)
{
    public static SheetTable Failed(string problem) => new([], false, problem);
}

/// <summary>
/// Reads CSV as RFC 4180 describes it — quoted fields, doubled quotes, line breaks inside quotes — with the
/// separator Brazilian Excel writes (<c>;</c>) or a comma or tab, sniffed from the header line (an Excel
/// <c>sep=</c> first line is honoured). Text is UTF-8 with or without BOM, UTF-16 with BOM, or else Windows-1252.
/// </summary>
public static class CsvTableReader
{
    /// <param name="maxFilledRows">Reading stops after this many rows that are not blank.</param>
    public static SheetTable Read(ReadOnlySpan<byte> bytes, int maxFilledRows)
    {
        var text = Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return SheetTable.Failed("O arquivo não é uma planilha XLSX nem um texto CSV. Envie o modelo preenchido, salvo como .xlsx ou .csv.");
        }

        var position = 0;
        char? declared = null;
        // Excel writes and honours a first line "sep=;" that names the separator; it is not a row of the sheet.
        if (text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && (text.Length == 5 || text[5] is '\r' or '\n'))
        {
            declared = text[4];
            position = 5;
            if (position < text.Length && text[position] == '\r')
            {
                position++;
            }
            if (position < text.Length && text[position] == '\n')
            {
                position++;
            }
        }
        var separator = declared ?? SniffSeparator(text, position);

        var rows = new List<SheetRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var quoted = false;
        var inQuotes = false;
        var quoteLine = 0;
        var filled = 0;

        bool EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            var row = new SheetRow(line, fields.ToArray());
            fields.Clear();
            quoted = false;
            if (!row.IsBlank)
            {
                if (filled == maxFilledRows)
                {
                    return false;
                }
                filled++;
                rows.Add(row);
            }
            return true;
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position + 1 < text.Length && text[position + 1] == '"')
                    {
                        field.Append('"');
                        position += 2;
                        continue;
                    }
                    inQuotes = false;
                    position++;
                    continue;
                }
                if (c == '\r')
                {
                    // A line break inside a field is kept as a single \n.
                    field.Append('\n');
                    position += position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    continue;
                }
                field.Append(c);
                position++;
                continue;
            }
            if (c == '"' && field.Length == 0 && !quoted)
            {
                inQuotes = true;
                quoted = true;
                quoteLine = line;
                position++;
                continue;
            }
            if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                quoted = false;
                position++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                position += c == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                if (!EndRecord())
                {
                    return new SheetTable(rows, HasMoreRows: true);
                }
                line++;
                continue;
            }
            field.Append(c);
            position++;
        }

        if (inQuotes)
        {
            return SheetTable.Failed($"Aspas não fechadas: o campo que começa entre aspas na linha {quoteLine} vai até o fim do arquivo. Confira as aspas dessa linha.");
        }
        if (field.Length > 0 || fields.Count > 0 || quoted)
        {
            if (!EndRecord())
            {
                return new SheetTable(rows, HasMoreRows: true);
            }
        }
        return new SheetTable(rows);
    }

    /// <summary>The text of the file: UTF-8 (with or without BOM) or UTF-16 with BOM, otherwise Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // A BOM promises UTF-8; broken sequences become U+FFFD rather than a guess at another encoding.
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }
        // What Excel on Windows writes for "CSV (separado por vírgulas)" in Brazil.
        return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(bytes);
    }

    /// <summary>The most frequent of ';', ',' and tab on the first line, outside quotes; ';' on a tie or when none.</summary>
    private static char SniffSeparator(string text, int start)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var inQuotes = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }
                switch (c)
                {
                    case ';':
                        semicolons++;
                        break;
                    case ',':
                        commas++;
                        break;
                    case '\t':
                        tabs++;
                        break;
                }
            }
        }
        if (tabs > semicolons && tabs > commas)
        {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }
}
