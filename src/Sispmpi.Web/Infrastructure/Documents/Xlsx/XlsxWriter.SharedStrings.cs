using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace Sispmpi.Web.Infrastructure.Documents.Xlsx;

// The shared string table: each distinct text stored once.
public static partial class XlsxWriter
{
    /// <summary>The workbook's shared-string table: each distinct text stored once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private int _references;

        public int Count => _texts.Count;

        public int Index(string text)
        {
            _references++;
            var clean = CleanText(text);
            if (!_indexes.TryGetValue(clean, out var index))
            {
                index = _texts.Count;
                _indexes.Add(clean, index);
                _texts.Add(clean);
            }

            return index;
        }

        public S.SharedStringTable ToTable()
        {
            var table = new S.SharedStringTable { Count = (uint)_references, UniqueCount = (uint)_texts.Count };
            foreach (var text in _texts)
            {
                var element = new S.Text(text);
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    element.Space = SpaceProcessingModeValues.Preserve;
                }

                table.Append(new S.SharedStringItem(element));
            }

            return table;
        }
    }
}
