using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using BitMiracle.LibTiff.Classic;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HipaaAi.Shared.Tests.TestFiles;

/// <summary>
/// Builds small test inputs in code: born-digital PDFs (PDFsharp), page rasters (pdftoppm), image-only PDFs,
/// Group 4 fax TIFFs (LibTiff.NET), PNGs and container headers. All text is invented; none of it is PHI.
/// </summary>
internal static class TestDocuments
{
    public const int FaxDpi = 200;

    /// <summary>A US Letter PDF with a text layer; each inner array is one page's lines.</summary>
    public static byte[] TextPdf(
        IReadOnlyList<string[]> pages, string? userPassword = null, double fontSize = 16, int pageRotation = 0)
    {
        HipaaAi.Shared.Samples.DejaVuFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        var font = new XFont("DejaVu Sans", fontSize);
        foreach (var lines in pages)
        {
            var page = document.AddPage();
            page.Size = PageSize.Letter;
            page.Rotate = pageRotation;
            using var graphics = XGraphics.FromPdfPage(page);
            for (var index = 0; index < lines.Length; index++)
                graphics.DrawString(lines[index], font, XBrushes.Black, new XPoint(72, 96 + index * fontSize * 2));
        }

        if (userPassword is not null)
        {
            document.SecuritySettings.UserPassword = userPassword;
            document.SecuritySettings.OwnerPassword = userPassword + "-owner";
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Renders text to an 8-bit gray page at <paramref name="dpi"/>, the way a scanner would see it.</summary>
    public static GrayImage RenderPage(string[] lines, int dpi = FaxDpi, double fontSize = 16)
    {
        using var folder = new TempFolder();
        var pdf = folder.Write("page.pdf", TextPdf([lines], fontSize: fontSize));
        RunPdftoppm(["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-gray", "-singlefile",
            pdf, folder.File("page")]);
        return GrayImage.ReadPgm(folder.File("page.pgm"));
    }

    /// <summary>A PDF whose only page is a picture of text (no letters), like a scanned page.</summary>
    public static byte[] ImageOnlyPdf(string[] lines) => ScannedPdf(lines, stampedHeader: null);

    /// <summary>
    /// A scanned page with one real text line drawn over it, as fax servers stamp "From ... Page 1/3" on each page.
    /// </summary>
    public static byte[] ScannedPdf(string[] lines, string? stampedHeader)
    {
        HipaaAi.Shared.Samples.DejaVuFontResolver.EnsureRegistered();
        using var folder = new TempFolder();
        var pdf = folder.Write("source.pdf", TextPdf([lines]));

        // PDFsharp rejects gray PNGs, so render in colour.
        RunPdftoppm(["-r", "150", "-png", "-singlefile", pdf, folder.File("scan")]);

        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Size = PageSize.Letter;
        using (var graphics = XGraphics.FromPdfPage(page))
        using (var image = XImage.FromFile(folder.File("scan.png")))
        {
            graphics.DrawImage(image, 0, 0, page.Width.Point, page.Height.Point);
            if (stampedHeader is not null)
            {
                graphics.DrawString(stampedHeader, new XFont("DejaVu Sans", 7), XBrushes.Black, new XPoint(20, 12));
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Writes gray pages as a multi-page, 1-bit, CCITT Group 4 TIFF (what fax servers store).</summary>
    public static byte[] Group4Tiff(IReadOnlyList<GrayImage> pages, int dpi = FaxDpi)
    {
        using var folder = new TempFolder();
        var path = folder.File("fax.tif");
        using (var tiff = Tiff.Open(path, "w") ?? throw new InvalidOperationException("LibTiff could not create."))
        {
            for (short index = 0; index < pages.Count; index++)
            {
                var page = pages[index];
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, index, (short)pages.Count);
                tiff.SetField(TiffTag.IMAGEWIDTH, page.Width);
                tiff.SetField(TiffTag.IMAGELENGTH, page.Height);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 1);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
                tiff.SetField(TiffTag.COMPRESSION, Compression.CCITTFAX4);
                tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISWHITE);
                tiff.SetField(TiffTag.FILLORDER, FillOrder.MSB2LSB);
                tiff.SetField(TiffTag.ROWSPERSTRIP, page.Height);
                tiff.SetField(TiffTag.XRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.YRESOLUTION, (double)dpi);
                tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);

                var row = new byte[(page.Width + 7) / 8];
                for (var y = 0; y < page.Height; y++)
                {
                    Array.Clear(row);
                    for (var x = 0; x < page.Width; x++)
                    {
                        if (page.Pixels[y * page.Width + x] < 128)
                            row[x >> 3] |= (byte)(0x80 >> (x & 7)); // 1 is black when zero is white
                    }

                    tiff.WriteScanline(row, y);
                }

                tiff.WriteDirectory();
            }
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Flips a fraction of pixels to black or white, like a noisy fax line (seeded, so repeatable).</summary>
    public static GrayImage AddSaltAndPepper(GrayImage page, double fraction, int seed)
    {
        var random = new Random(seed);
        var pixels = (byte[])page.Pixels.Clone();
        for (var i = 0; i < pixels.Length; i++)
        {
            if (random.NextDouble() < fraction)
                pixels[i] = random.Next(2) == 0 ? (byte)0 : (byte)255;
        }

        return new GrayImage(page.Width, page.Height, pixels);
    }

    /// <summary>A valid 8-bit grayscale PNG of one flat shade.</summary>
    public static byte[] GrayPng(int width, int height, byte shade = 255)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth; colour type 0 (gray), no interlace
        WriteChunk(output, "IHDR", header);

        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0, then the pixels
            Array.Fill(row, shade, 1, width);
            for (var y = 0; y < height; y++)
                zlib.Write(row);
        }

        WriteChunk(output, "IDAT", raw.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A minimal .docx-shaped ZIP container.</summary>
    public static byte[] DocxContainer()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("[Content_Types].xml");
            using var writer = new StreamWriter(entry.Open());
            writer.Write("<?xml version=\"1.0\"?><Types/>");
        }

        return stream.ToArray();
    }

    /// <summary>The leading boxes of a HEIC photo (an ISO base-media 'ftyp' box with heic and mif1 brands).</summary>
    public static byte[] HeicHeader()
    {
        var bytes = new byte[64];
        WriteBigEndian(bytes, 0, 24);
        Encoding.ASCII.GetBytes("ftypheic").CopyTo(bytes, 4);
        Encoding.ASCII.GetBytes("mif1heic").CopyTo(bytes, 16);
        return bytes;
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        output.Write(length);

        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);

        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32.Finish(Crc32.Update(Crc32.Start, typeAndData)));
        output.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset, 4), value);

    private static void RunPdftoppm(string[] arguments)
    {
        var startInfo = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("pdftoppm did not start");
        var errors = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)) || process.ExitCode != 0)
            throw new InvalidOperationException($"pdftoppm failed: {errors}");
    }
}
