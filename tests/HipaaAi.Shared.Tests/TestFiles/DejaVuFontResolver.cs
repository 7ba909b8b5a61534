using PdfSharp.Fonts;

namespace HipaaAi.Shared.Tests.TestFiles;

/// <summary>PDFsharp has no font discovery on Linux; every family resolves to DejaVu Sans from fonts-dejavu-core.</summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    private const string FontFolder = "/usr/share/fonts/truetype/dejavu";

    private static readonly Lock InstallLock = new();

    public static void Install()
    {
        lock (InstallLock)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(FontFolder, faceName + ".ttf"));
}
