using System.IO.Compression;
using System.Text;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// The damaged, disguised and out-of-range files that real inboxes receive, built so that preflight has something
/// true to reject. Each is reproducible from its inputs.
/// </summary>
public static class BrokenFiles
{
    private static readonly DateTimeOffset FixedTimestamp = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A file with no bytes, as a failed upload leaves behind.</summary>
    public static byte[] Empty() => [];

    /// <summary>Cuts a PDF in the middle of its first stream, as an interrupted transfer does.</summary>
    public static byte[] TruncateMidStream(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);

        var streamStart = IndexOf(pdf, "stream"u8, 0);
        var streamEnd = streamStart < 0 ? -1 : IndexOf(pdf, "endstream"u8, streamStart + 6);
        if (streamEnd < 0)
        {
            throw new ArgumentException($"The {pdf.Length}-byte PDF has no stream to cut.", nameof(pdf));
        }

        var cut = streamStart + ((streamEnd - streamStart) / 2);
        return pdf[..cut];
    }

    /// <summary>A real, minimal Word document (a ZIP with [Content_Types].xml), to be saved as .pdf.</summary>
    public static byte[] MinimalDocx(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddEntry(zip, "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml"
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                </Types>
                """);
            AddEntry(zip, "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Target="word/document.xml"
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                </Relationships>
                """);
            var escaped = System.Security.SecurityElement.Escape(paragraph);
            AddEntry(zip, "word/document.xml",
                $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:body><w:p><w:r><w:t>{escaped}</w:t></w:r></w:p></w:body>
                </w:document>
                """);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// Bytes that begin like a phone's HEIC photo (an ISO base-media 'ftyp' box with the 'heic' brand) followed by
    /// opaque payload, to be saved under a .pdf name.
    /// </summary>
    public static byte[] HeicSignature(Random random, int length = 4096)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 32);

        byte[] header =
        [
            0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. "heic"u8, 0x00, 0x00, 0x00, 0x00, .. "mif1"u8, .. "heic"u8,
        ];
        var data = new byte[length];
        random.NextBytes(data);
        header.CopyTo(data, 0);
        return data;
    }

    /// <summary>A tiny picture (40x40 by default): a thumbnail or a signature crop, too small to read.</summary>
    public static byte[] TinyPng(int size = 40)
    {
        var image = GrayImage.Blank(size, size, 72);
        for (var i = 0; i < size; i++)
        {
            image.Pixels[(i * size) + i] = GrayImage.Black;
        }

        return PngEncoder.EncodeGray(image);
    }

    /// <summary>
    /// A page far taller than any paper (12,000 pixels by default), as a scanner in continuous mode produces, with
    /// text-like bars down its length.
    /// </summary>
    public static byte[] OversizedPagePng(int height = 12_000, int width = 1_000)
    {
        var image = GrayImage.Blank(width, height, 100);
        for (var y = 100; y + 12 < height; y += 40)
        {
            var lineLength = (width - 200) * (60 + ((y / 40) % 40)) / 100;
            for (var row = y; row < y + 12; row++)
            {
                Array.Fill(image.Pixels, GrayImage.Black, (row * width) + 100, lineLength);
            }
        }

        return PngEncoder.EncodeGray(image);
    }

    /// <summary>
    /// Pages of a junk fax: a line-noise page, a nearly blank page with only a header bar and speckle, and a page of
    /// streaks. Nothing on them is readable text.
    /// </summary>
    public static IReadOnlyList<GrayImage> JunkFaxPages(
        Random random, int width = 1700, int height = 2200, int dpi = 200)
    {
        ArgumentNullException.ThrowIfNull(random);

        var noise = GrayImage.Blank(width, height, dpi).AddSaltAndPepper(random, 0.12);

        var blankish = GrayImage.Blank(width, height, dpi);
        for (var row = 20; row < 60; row++)
        {
            Array.Fill(blankish.Pixels, GrayImage.Black, (row * width) + 40, width - 80);
        }

        blankish = blankish.AddSaltAndPepper(random, 0.003);

        var streaks = GrayImage.Blank(width, height, dpi);
        for (var streak = 0; streak < 40; streak++)
        {
            var top = random.Next(height - 8);
            var thickness = random.Next(1, 8);
            var left = random.Next(width / 2);
            var length = random.Next(width / 4, width - left);
            for (var row = top; row < top + thickness; row++)
            {
                Array.Fill(streaks.Pixels, GrayImage.Black, (row * width) + left, length);
            }
        }

        return [noise, blankish, streaks.AddSaltAndPepper(random, 0.01)];
    }

    private static void AddEntry(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTimestamp;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern, int start)
    {
        var index = data.AsSpan(start).IndexOf(pattern);
        return index < 0 ? -1 : start + index;
    }
}
