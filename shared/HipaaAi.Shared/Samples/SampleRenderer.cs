using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HipaaAi.Shared.Samples;

/// <summary>
/// Renders sample documents the way they reach a clinic: born-digital PDFs with a text layer, fax-like Group 4
/// TIFFs, and scanned PDFs that hold only images. Output is byte-for-byte reproducible for the same inputs and seed.
/// </summary>
public sealed partial class SampleRenderer(IOptions<SampleRenderingOptions> options, ILogger<SampleRenderer> logger)
{
    private const double PageWidthPoints = 612;
    private const double PageHeightPoints = 792;
    private const double MarginPoints = 54;
    private const double BodyFontSize = 10.5;
    private const double MinimumFontSize = 6;
    private const string FontFamily = "DejaVu Sans";
    private const int DefaultChunkPages = 16;

    // Fixed so that the same texts and seed give the same bytes; a real sender's date is not a property we test.
    private static readonly DateTime FixedTimestamp = new(2026, 1, 5, 9, 30, 0, DateTimeKind.Utc);

    private readonly SampleRenderingOptions _options = options.Value;

    /// <summary>A Letter-size PDF with one page per text and a real text layer; the first line is bold.</summary>
    public byte[] RenderTextPdf(IReadOnlyList<string> pageTexts, int seed)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);

        using var document = NewDocument(seed);
        foreach (var text in pageTexts)
        {
            DrawTextPage(document.AddPage(), text);
        }

        return Save(document);
    }

    /// <summary>A text PDF that opens only with <paramref name="userPassword"/>.</summary>
    public byte[] RenderEncryptedPdf(IReadOnlyList<string> pageTexts, string userPassword, int seed)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);
        ArgumentException.ThrowIfNullOrEmpty(userPassword);

        using var document = NewDocument(seed);
        foreach (var text in pageTexts)
        {
            DrawTextPage(document.AddPage(), text);
        }

        document.SecuritySettings.UserPassword = userPassword;
        document.SecuritySettings.OwnerPassword = userPassword + "-owner";
        return Save(document);
    }

    /// <summary>Rasterizes every page of a PDF to grayscale with pdftoppm at the configured resolution.</summary>
    public IReadOnlyList<GrayImage> Rasterize(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);

        return RasterizeInChunks(pdf, int.MaxValue).ToList();
    }

    /// <summary>
    /// Rasterizes a PDF a few pages at a time, so a long fax holds at most <paramref name="pagesPerChunk"/> raster
    /// pages in memory. Pages come back in order.
    /// </summary>
    public IEnumerable<GrayImage> RasterizeInChunks(byte[] pdf, int pagesPerChunk = DefaultChunkPages)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pagesPerChunk);

        return RasterizeChunks(pdf, pagesPerChunk).SelectMany(chunk => chunk);
    }

    private IEnumerable<IReadOnlyList<GrayImage>> RasterizeChunks(byte[] pdf, int pagesPerChunk)
    {
        var workDirectory = Directory.CreateTempSubdirectory("hipaa-samples-");
        try
        {
            var input = Path.Combine(workDirectory.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var pageCount = CountPages(pdf);
            for (var first = 1; first <= pageCount; first += pagesPerChunk)
            {
                var stopwatch = Stopwatch.StartNew();
                var last = first + Math.Min(pageCount - first, pagesPerChunk - 1);
                var prefix = Path.Combine(workDirectory.FullName, $"chunk{first}");
                RunPdftoppm(input, prefix, first, last);

                var files = workDirectory.GetFiles($"chunk{first}-*.pgm")
                    .OrderBy(file => PageNumberOf(file.Name))
                    .ToList();
                if (files.Count != last - first + 1)
                {
                    throw new SampleRenderingException(
                        $"pdftoppm wrote {files.Count} rasters for pages {first}-{last}.");
                }

                Logs.PagesRasterized(logger, files.Count, _options.RasterDpi, stopwatch.ElapsedMilliseconds);
                var pages = files
                    .Select(file => PgmDecoder.Decode(File.ReadAllBytes(file.FullName), _options.RasterDpi))
                    .ToList();
                files.ForEach(file => file.Delete());
                yield return pages;
            }
        }
        finally
        {
            workDirectory.Delete(recursive: true);
        }
    }

    /// <summary>Turns a rendered page into a received fax page: bilevel, speckled, skewed, maybe turned.</summary>
    public static GrayImage ToFaxPage(GrayImage page, FaxEffects effects, int pageNumber, Random random)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(random);

        var result = page;
        if (effects.MaxSkewDegrees > 0)
        {
            var degrees = ((random.NextDouble() * 2) - 1) * effects.MaxSkewDegrees;
            result = result.Skew(degrees);
        }

        result = result.Threshold();
        if (effects.MaxJitterPixels > 0)
        {
            result = result.JitterRows(random, effects.MaxJitterPixels);
        }

        if (effects.NoiseRate > 0)
        {
            result = result.AddSaltAndPepper(random, effects.NoiseRate);
        }

        return effects.Rotations.TryGetValue(pageNumber, out var rotation) ? result.RotateClockwise(rotation) : result;
    }

    /// <summary>Renders page texts as a multi-page Group 4 fax TIFF at the configured resolution.</summary>
    public byte[] RenderFaxTiff(IReadOnlyList<string> pageTexts, FaxEffects effects, int seed)
    {
        using var stream = new MemoryStream();
        WriteFaxTiff(stream, pageTexts, effects, seed);
        return stream.ToArray();
    }

    /// <summary>Streams page texts to <paramref name="output"/> as a Group 4 fax TIFF; suited to long faxes.</summary>
    public void WriteFaxTiff(Stream output, IReadOnlyList<string> pageTexts, FaxEffects effects, int seed)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);

        FaxTiff.Write(output, RenderFaxPagesLazily(pageTexts, effects, seed), pageTexts.Count);
    }

    /// <summary>Renders page texts as degraded fax pages, ready for a TIFF or an image-only PDF.</summary>
    public IReadOnlyList<GrayImage> RenderFaxPages(IReadOnlyList<string> pageTexts, FaxEffects effects, int seed) =>
        RenderFaxPagesLazily(pageTexts, effects, seed).ToList();

    private IEnumerable<GrayImage> RenderFaxPagesLazily(IReadOnlyList<string> pageTexts, FaxEffects effects, int seed)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);
        ArgumentNullException.ThrowIfNull(effects);

        var seeds = new Random(seed);
        var pageNumber = 0;
        foreach (var chunk in RasterizeChunks(RenderTextPdf(pageTexts, seed), DefaultChunkPages))
        {
            // Each page gets its own seed drawn in page order, so pages can be degraded in parallel and the result
            // still depends only on the seed.
            var pageSeeds = chunk.Select(_ => seeds.Next()).ToArray();
            var firstPageNumber = pageNumber + 1;
            var degraded = new GrayImage[chunk.Count];
            Parallel.For(0, chunk.Count, i =>
                degraded[i] = ToFaxPage(chunk[i], effects, firstPageNumber + i, new Random(pageSeeds[i])));
            pageNumber += chunk.Count;
            foreach (var page in degraded)
            {
                yield return page;
            }
        }
    }

    /// <summary>
    /// A PDF whose pages are only pictures, as a scanner writes it: no text layer at all. Pages are embedded as RGB
    /// because PDFsharp rejects 1-bit and grayscale PNGs.
    /// </summary>
    public byte[] RenderImageOnlyPdf(IReadOnlyList<GrayImage> pages, int seed)
    {
        ArgumentNullException.ThrowIfNull(pages);

        using var document = NewDocument(seed);
        foreach (var image in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(image.Width * 72.0 / image.Dpi);
            page.Height = XUnit.FromPoint(image.Height * 72.0 / image.Dpi);

            using var png = new MemoryStream(PngEncoder.EncodeRgb(image));
            using var picture = XImage.FromStream(png);
            using var graphics = XGraphics.FromPdfPage(page);
            graphics.DrawImage(picture, 0, 0, page.Width.Point, page.Height.Point);
        }

        return Save(document);
    }

    private PdfDocument NewDocument(int seed)
    {
        DejaVuFontResolver.EnsureRegistered(_options.FontDirectory);

        var document = new PdfDocument();
        document.Info.CreationDate = FixedTimestamp;
        document.Info.ModificationDate = FixedTimestamp;
        // PDFsharp takes the identifier as 16 raw bytes in a string and derives its XMP UUIDs from it.
        var id = Encoding.Latin1.GetString(SHA256.HashData(Encoding.UTF8.GetBytes($"sample:{seed}")).AsSpan(0, 16));
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        return document;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return StabilizeRandomNames(stream.ToArray());
    }

    /// <summary>
    /// PDFsharp tags each embedded font subset with six random capitals ("/KQWZAB+DejaVuSans") and gives the XMP
    /// metadata random UUIDs. Both are swapped for values numbered in order of appearance, of the same length so the
    /// cross-reference offsets stay valid, which makes the same inputs give the same bytes. In an encrypted PDF the
    /// metadata stream is ciphertext by then, so its UUIDs stay random.
    /// </summary>
    private static byte[] StabilizeRandomNames(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var uuidCount = 0;
        text = XmpUuidPattern().Replace(text, _ => $"uuid:00000000-0000-4000-8000-{++uuidCount:D12}");

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var stable = SubsetTagPattern().Replace(text, match =>
        {
            var tag = match.Groups["tag"].Value;
            if (!tags.TryGetValue(tag, out var replacement))
            {
                replacement = "SMPL" + (char)('A' + (tags.Count / 26 % 26)) + (char)('A' + (tags.Count % 26));
                tags[tag] = replacement;
            }

            return "/" + replacement + "+";
        });
        return Encoding.Latin1.GetBytes(stable);
    }

    [GeneratedRegex(@"/(?<tag>[A-Z]{6})\+", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTagPattern();

    [GeneratedRegex("uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex XmpUuidPattern();

    private static void DrawTextPage(PdfPage page, string text)
    {
        page.Width = XUnit.FromPoint(PageWidthPoints);
        page.Height = XUnit.FromPoint(PageHeightPoints);
        using var graphics = XGraphics.FromPdfPage(page);

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var size = BodyFontSize;
        List<(string Text, bool Heading)> laidOut;
        while (true)
        {
            laidOut = Wrap(graphics, lines, size);
            var needed = laidOut.Count * LineHeight(size);
            if (needed <= PageHeightPoints - (2 * MarginPoints) || size <= MinimumFontSize)
            {
                break;
            }

            size -= 0.5;
        }

        var body = new XFont(FontFamily, size, XFontStyleEx.Regular);
        var heading = new XFont(FontFamily, size + 2.5, XFontStyleEx.Bold);
        var y = MarginPoints + size;
        foreach (var (line, isHeading) in laidOut)
        {
            if (y > PageHeightPoints - MarginPoints)
            {
                break;
            }

            graphics.DrawString(line, isHeading ? heading : body, XBrushes.Black, MarginPoints, y);
            y += LineHeight(size);
        }
    }

    private static double LineHeight(double fontSize) => fontSize * 1.45;

    private static List<(string Text, bool Heading)> Wrap(XGraphics graphics, string[] lines, double size)
    {
        var body = new XFont(FontFamily, size, XFontStyleEx.Regular);
        var heading = new XFont(FontFamily, size + 2.5, XFontStyleEx.Bold);
        var width = PageWidthPoints - (2 * MarginPoints);
        var result = new List<(string, bool)>();
        var headingDone = false;
        foreach (var line in lines)
        {
            var isHeading = !headingDone && line.Trim().Length > 0;
            headingDone |= isHeading;
            var font = isHeading ? heading : body;

            var current = new StringBuilder();
            foreach (var word in line.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    result.Add((current.ToString(), isHeading));
                    current.Clear().Append(word);
                }
                else
                {
                    current.Clear().Append(candidate);
                }
            }

            result.Add((current.ToString(), isHeading));
        }

        return result;
    }

    private static int CountPages(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private void RunPdftoppm(string input, string outputPrefix, int firstPage, int lastPage)
    {
        var start = new ProcessStartInfo(_options.PdftoppmPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-r", _options.RasterDpi.ToString(CultureInfo.InvariantCulture), "-gray",
            "-f", firstPage.ToString(CultureInfo.InvariantCulture),
            "-l", lastPage.ToString(CultureInfo.InvariantCulture),
            input, outputPrefix,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)
                ?? throw new SampleRenderingException(
                    "pdftoppm did not start; install the Debian package poppler-utils.");
        }
        catch (Win32Exception exception)
        {
            throw new SampleRenderingException(
                $"pdftoppm was not found at '{_options.PdftoppmPath}'; install the Debian package poppler-utils.",
                exception);
        }

        using (process)
        {
            // Drained so a chatty pdftoppm cannot block on a full pipe; its messages never reach an exception.
            var drainErrors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(_options.ToolTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new SampleRenderingException($"pdftoppm did not finish within {_options.ToolTimeout}.");
            }

            if (process.ExitCode != 0)
            {
                throw new SampleRenderingException($"pdftoppm failed with exit code {process.ExitCode}.");
            }

            drainErrors.Wait();
        }
    }

    private static int PageNumberOf(string fileName)
    {
        var digits = fileName[(fileName.LastIndexOf('-') + 1)..^".pgm".Length];
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }
}
