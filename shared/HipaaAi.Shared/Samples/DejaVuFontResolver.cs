using PdfSharp.Fonts;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// Serves DejaVu Sans to PDFsharp, which on Linux has no access to system fonts and needs a resolver before it can
/// write any text. Every family name resolves to DejaVu Sans so sample PDFs never depend on the machine's fonts.
/// </summary>
public sealed class DejaVuFontResolver : IFontResolver
{
    /// <summary>Where Debian's fonts-dejavu-core package installs the fonts.</summary>
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lock RegistrationLock = new();

    private readonly string _directory;

    public DejaVuFontResolver(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        foreach (var face in new[] { RegularFace, BoldFace })
        {
            if (!File.Exists(Path.Combine(directory, face + ".ttf")))
            {
                throw new SampleRenderingException(
                    $"Font file {face}.ttf was not found in {directory}; " +
                    "install the Debian package fonts-dejavu-core.");
            }
        }

        _directory = directory;
    }

    /// <summary>
    /// Installs a resolver for the fonts in <paramref name="directory"/> as PDFsharp's process-wide resolver, unless
    /// one is already installed (PDFsharp refuses to swap resolvers once fonts have been used).
    /// </summary>
    public static void EnsureRegistered(string directory = DefaultDirectory)
    {
        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver(directory);
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_directory, faceName + ".ttf"));
}
