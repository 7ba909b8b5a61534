using System.Diagnostics;
using BitMiracle.LibTiff.Classic;
using HipaaAi.Shared.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace HipaaAi.Shared.Documents;

/// <summary>
/// Preflight for staged files: sniffs the real format, then opens PDFs with PdfPig, TIFFs with LibTiff.NET and
/// other images through their headers to count pages, measure them and find encrypted, damaged or out-of-limit files.
/// </summary>
public sealed class DocumentInspector(IOptions<PreflightLimits> options, ILogger<DocumentInspector> logger)
    : IDocumentInspector
{
    /// <summary>The PDF specification places the end-of-file marker in the last 1024 bytes.</summary>
    private const int PdfTrailerWindow = 1024;

    private const double PointsPerInch = 72.0;

    private readonly PreflightLimits _limits = ValidLimits(options.Value);

    /// <inheritdoc />
    public PreflightReport Inspect(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var started = Stopwatch.GetTimestamp();
        var length = new FileInfo(path).Length;

        var report = InspectCore(path, length);

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.PreflightFinished(report.Format, report.Verdict, report.PageCount, length, elapsedMs);
        return report;
    }

    private PreflightReport InspectCore(string path, long length)
    {
        if (length == 0)
            return PreflightReport.Rejected(DocumentFormat.Unknown, PreflightVerdict.Empty, "file is empty");

        var format = FormatSniffer.Sniff(path);
        if (length > _limits.MaxBytes)
        {
            return PreflightReport.Rejected(
                format, PreflightVerdict.TooLarge, $"file is {length} bytes, above the limit of {_limits.MaxBytes}");
        }

        return format switch
        {
            DocumentFormat.Pdf => InspectPdf(path),
            DocumentFormat.Tiff => InspectTiff(path),
            DocumentFormat.Png or DocumentFormat.Jpeg or DocumentFormat.Gif or DocumentFormat.Bmp =>
                InspectImage(path, format),
            _ => PreflightReport.Rejected(
                format, PreflightVerdict.Unsupported, $"{FormatSniffer.Describe(format)} {DescribeName(path)}"),
        };
    }

    private PreflightReport InspectPdf(string path)
    {
        if (!HasPdfTrailer(path))
            return Corrupt(DocumentFormat.Pdf, "PDF is truncated (no end-of-file marker)");

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException)
        {
            return PreflightReport.Rejected(DocumentFormat.Pdf, PreflightVerdict.Encrypted, "PDF needs a password");
        }
        catch (Exception exception) when (IsParseFailure(exception))
        {
            return Corrupt(DocumentFormat.Pdf, "PDF structure will not parse");
        }

        using (document)
        {
            var pageCount = document.NumberOfPages;
            if (pageCount == 0)
                return PreflightReport.Rejected(DocumentFormat.Pdf, PreflightVerdict.Empty, "PDF has no pages");

            if (pageCount > _limits.MaxPages)
                return TooManyPages(DocumentFormat.Pdf, pageCount);

            var pages = new List<PageGeometry>(pageCount);
            for (var number = 1; number <= pageCount; number++)
            {
                try
                {
                    var page = document.GetPage(number);
                    // PdfPig's width and height already follow /Rotate, as pdftoppm renders the page.
                    var width = PointsToPixels(page.Width);
                    var height = PointsToPixels(page.Height);
                    pages.Add(new PageGeometry(number, width, height, PdfTextLayer.HasTextLayer(page)));
                }
                catch (Exception exception) when (IsParseFailure(exception))
                {
                    return Corrupt(DocumentFormat.Pdf, $"PDF page {number} will not parse");
                }
            }

            return Measure(DocumentFormat.Pdf, pages);
        }
    }

    private PreflightReport InspectTiff(string path)
    {
        Tiff tiff;
        try
        {
            tiff = TiffPages.Open(path);
        }
        catch (InvalidDataException exception)
        {
            return Corrupt(DocumentFormat.Tiff, exception.Message);
        }

        using (tiff)
        {
            var pageCount = TiffPages.CountPages(tiff);
            if (pageCount == 0)
                return PreflightReport.Rejected(DocumentFormat.Tiff, PreflightVerdict.Empty, "TIFF has no pages");

            if (pageCount > _limits.MaxPages)
                return TooManyPages(DocumentFormat.Tiff, pageCount);

            var pages = new List<PageGeometry>(pageCount);
            try
            {
                for (var index = 0; index < pageCount; index++)
                {
                    var (width, height) = TiffPages.PageSize(tiff, index);
                    pages.Add(new PageGeometry(index + 1, width, height, HasTextLayer: false));
                }

                var measured = Measure(DocumentFormat.Tiff, pages);
                if (!measured.IsAccepted)
                    return measured;

                // Sizes are within limits, so decoding every page is bounded; it proves the data is not damaged.
                for (var index = 0; index < pageCount; index++)
                    TiffPages.VerifyPage(tiff, index);

                return measured;
            }
            catch (InvalidDataException exception)
            {
                return Corrupt(DocumentFormat.Tiff, exception.Message);
            }
        }
    }

    private PreflightReport InspectImage(string path, DocumentFormat format)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var size = ImageHeaderReader.TryRead(stream, format, out var damage);
        return size is null
            ? Corrupt(format, damage ?? "image will not decode")
            : Measure(format, [new PageGeometry(1, size.Width, size.Height, HasTextLayer: false)]);
    }

    private PreflightReport Measure(DocumentFormat format, List<PageGeometry> pages)
    {
        foreach (var page in pages)
        {
            if (page.WidthPixels > _limits.MaxPixels || page.HeightPixels > _limits.MaxPixels)
            {
                return new PreflightReport(format, PreflightVerdict.TooLarge, pages.Count,
                    $"page {page.PageNumber} is {page.WidthPixels}x{page.HeightPixels} pixels, above the limit of " +
                    $"{_limits.MaxPixels} per side", pages);
            }

            if (page.WidthPixels < _limits.MinPixels || page.HeightPixels < _limits.MinPixels)
            {
                return new PreflightReport(format, PreflightVerdict.TooSmall, pages.Count,
                    $"page {page.PageNumber} is {page.WidthPixels}x{page.HeightPixels} pixels, below the limit of " +
                    $"{_limits.MinPixels} per side", pages);
            }
        }

        return new PreflightReport(format, PreflightVerdict.Accepted, pages.Count, null, pages);
    }

    private PreflightReport TooManyPages(DocumentFormat format, int pageCount) =>
        PreflightReport.Rejected(
            format, PreflightVerdict.TooLarge, $"{pageCount} pages, above the limit of {_limits.MaxPages}");

    private static PreflightReport Corrupt(DocumentFormat format, string reason) =>
        PreflightReport.Rejected(format, PreflightVerdict.Corrupt, reason);

    private int PointsToPixels(double points) =>
        (int)Math.Round(points / PointsPerInch * _limits.PdfRasterDpi, MidpointRounding.AwayFromZero);

    private static bool HasPdfTrailer(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var start = Math.Max(0, stream.Length - PdfTrailerWindow);
        var tail = new byte[stream.Length - start];
        stream.Position = start;
        stream.ReadExactly(tail);
        return tail.AsSpan().LastIndexOf("%%EOF"u8) >= 0;
    }

    /// <summary>PdfPig reports damage with several exception types; none of them is worth more than "Corrupt".</summary>
    private static bool IsParseFailure(Exception exception) =>
        exception is PdfDocumentFormatException or InvalidOperationException or ArgumentException
            or InvalidDataException or IndexOutOfRangeException or NullReferenceException or InvalidCastException
            or KeyNotFoundException or FormatException or EndOfStreamException or OverflowException
            or NotSupportedException;

    /// <summary>Names the file's extension only when it is short and plain, so nothing a sender typed leaks.</summary>
    private static string DescribeName(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Length <= 1)
            return "with no extension";

        var plain = extension.Length <= 8 && extension[1..].All(char.IsAsciiLetterOrDigit);
        return plain ? $"named {extension.ToLowerInvariant()}" : "with an unusual extension";
    }

    private static PreflightLimits ValidLimits(PreflightLimits limits)
    {
        limits.Validate();
        return limits;
    }
}
