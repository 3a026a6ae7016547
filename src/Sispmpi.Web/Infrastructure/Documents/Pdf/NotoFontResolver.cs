using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Sispmpi.Web.Infrastructure.Documents.Pdf;

/// <summary>
/// Serves Noto Sans (Regular, Bold, Italic, Bold Italic) from the fonts embedded in this assembly
/// (Infrastructure/Documents/Fonts, vendored by scripts/vendor-assets.sh), so PDFsharp never needs a system
/// font. Every family name resolves to Noto Sans: a PDF can only ever contain this one, embedded, family.
/// </summary>
public sealed class NotoFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Sans";

    private const string RegularFace = "NotoSans_400Regular";
    private const string BoldFace = "NotoSans_700Bold";
    private const string ItalicFace = "NotoSans_400Regular_Italic";
    private const string BoldItalicFace = "NotoSans_700Bold_Italic";

    private static readonly Lock _registrationLock = new();
    private static readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);
    private static volatile bool _registered;

    private NotoFontResolver()
    {
    }

    /// <summary>The single instance: PDFsharp accepts only one resolver per process.</summary>
    public static NotoFontResolver Instance { get; } = new();

    /// <summary>
    /// Installs the resolver in <see cref="GlobalFontSettings"/> the first time it is called; later calls, from any
    /// thread, do nothing. PDFsharp allows the resolver to be set only once per process and before any font is used.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }
        lock (_registrationLock)
        {
            if (_registered)
            {
                return;
            }
            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (current is not NotoFontResolver)
            {
                throw new InvalidOperationException(
                    $"PDFsharp already uses the font resolver {current.GetType().FullName}; the PDF writer needs {nameof(NotoFontResolver)}.");
            }
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => BoldItalicFace,
            (true, false) => BoldFace,
            (false, true) => ItalicFace,
            _ => RegularFace,
        });

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var assembly = typeof(NotoFontResolver).Assembly;
        var suffix = $".Fonts.{faceName}.ttf";
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The font {faceName}.ttf is not embedded in {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
