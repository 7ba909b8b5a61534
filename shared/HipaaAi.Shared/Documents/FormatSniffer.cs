using System.Text;

namespace HipaaAi.Shared.Documents;

/// <summary>
/// Tells the real format of a file from its leading bytes. File names and content types from senders are not
/// trusted: fax servers and scanners routinely name a TIFF ".pdf", and users rename Office files.
/// </summary>
public static class FormatSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff(ReadOnlySpan{byte})"/> looks at, at most.</summary>
    public const int HeadLength = 4096;

    /// <summary>The PDF specification lets a header start anywhere in the first 1024 bytes.</summary>
    private const int PdfHeaderWindow = 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> OleSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> Utf16LittleEndianMark => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianMark => [0xFE, 0xFF];

    private static readonly string[] HeifBrands =
        ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2", "avif", "avis"];

    /// <summary>Reads the head of a file and sniffs it.</summary>
    public static DocumentFormat Sniff(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> head = stackalloc byte[HeadLength];
        var read = stream.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        return Sniff(head[..read]);
    }

    /// <summary>Sniffs the leading bytes of a file (pass up to <see cref="HeadLength"/> bytes).</summary>
    public static DocumentFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return DocumentFormat.Unknown;

        if (head.StartsWith(PngSignature))
            return DocumentFormat.Png;

        if (IsTiff(head))
            return DocumentFormat.Tiff;

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            return DocumentFormat.Jpeg;

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return DocumentFormat.Gif;

        if (IsBmp(head))
            return DocumentFormat.Bmp;

        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8) || head.StartsWith("PK\x07\x08"u8))
            return DocumentFormat.Zip;

        if (head.StartsWith(OleSignature))
            return DocumentFormat.OleCompound;

        if (IsHeif(head))
            return DocumentFormat.Heif;

        if (head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0)
            return DocumentFormat.Pdf;

        return LooksLikeText(head) ? DocumentFormat.Text : DocumentFormat.Unknown;
    }

    /// <summary>A short, content-free name for a format, used in rejection reasons.</summary>
    public static string Describe(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "PDF document",
        DocumentFormat.Tiff => "TIFF image",
        DocumentFormat.Png => "PNG image",
        DocumentFormat.Jpeg => "JPEG image",
        DocumentFormat.Gif => "GIF image",
        DocumentFormat.Bmp => "BMP image",
        DocumentFormat.Zip => "ZIP container (e.g. .docx)",
        DocumentFormat.Heif => "HEIF/HEIC image",
        DocumentFormat.OleCompound => "OLE compound file (e.g. .doc)",
        DocumentFormat.Text => "plain text",
        _ => "unrecognised format",
    };

    private static bool IsTiff(ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)
        || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8); // BigTIFF

    private static bool IsBmp(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || head[0] != (byte)'B' || head[1] != (byte)'M')
            return false;

        // "BM" alone is too weak; the DIB header that follows has one of a few known sizes.
        var dibHeaderSize = BitConverter.ToInt32(head.Slice(14, 4));
        return dibHeaderSize is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    private static bool IsHeif(ReadOnlySpan<byte> head)
    {
        if (head.Length < 12 || !head.Slice(4, 4).SequenceEqual("ftyp"u8))
            return false;

        var boxSize = (int)Math.Min((uint)(head[0] << 24 | head[1] << 16 | head[2] << 8 | head[3]), (uint)head.Length);

        // The major brand sits at offset 8; compatible brands follow the minor version, from offset 16.
        if (IsHeifBrand(head.Slice(8, 4)))
            return true;

        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            if (IsHeifBrand(head.Slice(offset, 4)))
                return true;
        }

        return false;
    }

    private static bool IsHeifBrand(ReadOnlySpan<byte> brand) =>
        HeifBrands.Contains(Encoding.ASCII.GetString(brand), StringComparer.Ordinal);

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\xEF\xBB\xBF"u8) || head.StartsWith(Utf16LittleEndianMark) || head.StartsWith(Utf16BigEndianMark))
            return true;

        // Text has no NUL bytes and few control characters besides tab, CR, LF and form feed.
        var controls = 0;
        foreach (var value in head)
        {
            if (value == 0)
                return false;

            if (value < 0x20 && value is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
                controls++;
        }

        return controls * 100 <= head.Length && IsUtf8(head);
    }

    private static bool IsUtf8(ReadOnlySpan<byte> head)
    {
        // The head may cut a multi-byte character in two; allow up to three bytes of it at the end.
        for (var trim = 0; trim <= Math.Min(3, head.Length - 1); trim++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head[..^trim]))
                return true;
        }

        return false;
    }
}
