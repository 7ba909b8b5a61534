using System.Diagnostics;
using System.Globalization;
using HipaaAi.Shared.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace HipaaAi.Shared.Reading;

/// <summary>
/// Reads pages on this machine: PDF text layers with PdfPig; everything else is rasterized (pdftoppm, LibTiff.NET),
/// despeckled, turned upright with Tesseract's orientation detection and read by Tesseract. Page images live only in
/// a private temporary folder that is deleted before the call returns.
/// </summary>
public sealed class LocalPageReader(IOptions<LocalOcrOptions> options, ILogger<LocalPageReader> logger)
    : IPageReader, IDisposable
{
    private const string OsdLanguage = "osd";

    private readonly LocalOcrOptions _options = ValidOptions(options.Value);

    private readonly SemaphoreSlim _pageSlots = new(options.Value.EffectiveParallelism);

    private Task? _setupCheck;

    /// <inheritdoc />
    public string EngineName => "tesseract";

    public void Dispose() => _pageSlots.Dispose();

    private ExternalTool Tesseract => new("tesseract", _options.TesseractPath, "tesseract-ocr");

    private ExternalTool Pdftoppm => new("pdftoppm", _options.PdftoppmPath, "poppler-utils");

    /// <inheritdoc />
    public async Task<IReadOnlyList<PageText>> ReadPagesAsync(
        string path,
        DocumentFormat format,
        IReadOnlyList<int> pageNumbers,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(pageNumbers);
        if (pageNumbers.Count == 0)
            return [];

        var started = Stopwatch.GetTimestamp();
        var fullPath = Path.GetFullPath(path);
        var workFolder = Directory.CreateTempSubdirectory("hipaaai-ocr-"); // created readable by this user only
        try
        {
            var pages = format switch
            {
                DocumentFormat.Pdf => await ReadPdfAsync(fullPath, pageNumbers, workFolder.FullName, cancellationToken)
                    .ConfigureAwait(false),
                DocumentFormat.Tiff => await ReadTiffAsync(fullPath, pageNumbers, workFolder.FullName, cancellationToken)
                    .ConfigureAwait(false),
                DocumentFormat.Png or DocumentFormat.Jpeg or DocumentFormat.Gif or DocumentFormat.Bmp =>
                    await ReadImageFileAsync(fullPath, pageNumbers, workFolder.FullName, cancellationToken)
                        .ConfigureAwait(false),
                _ => throw new NotSupportedException(
                    $"{FormatSniffer.Describe(format)} cannot be read; preflight rejects it."),
            };

            var ocrCount = pages.Count(page => page.Source == PageTextSource.Ocr);
            var elapsedMs = ElapsedMs(started);
            logger.PagesRead(pages.Count, ocrCount, format, elapsedMs);
            return pages;
        }
        finally
        {
            DeleteWorkFolder(workFolder);
        }
    }

    private async Task<IReadOnlyList<PageText>> ReadPdfAsync(
        string path, IReadOnlyList<int> pageNumbers, string workFolder, CancellationToken cancellationToken)
    {
        var results = new PageText?[pageNumbers.Count];
        var ocrPages = new List<(int Index, int PageNumber)>();

        // PdfPig is quick and not thread-safe: read text layers in order, then rasterize the rest in parallel.
        using (var document = PdfDocument.Open(path, new ParsingOptions { SkipMissingFonts = true }))
        {
            for (var index = 0; index < pageNumbers.Count; index++)
            {
                var pageNumber = RequirePage(pageNumbers[index], document.NumberOfPages);
                var started = Stopwatch.GetTimestamp();
                var page = document.GetPage(pageNumber);
                if (!PdfTextLayer.HasTextLayer(page))
                {
                    ocrPages.Add((index, pageNumber));
                    continue;
                }

                results[index] = new PageText(pageNumber, PdfTextLayer.ReadText(page), 1.0, 0, PageTextSource.TextLayer);
                var elapsedMs = ElapsedMs(started);
                logger.PageRead(pageNumber, PageTextSource.TextLayer, 1.0, 0, elapsedMs);
            }
        }

        if (ocrPages.Count > 0)
        {
            await EnsureSetupAsync(workFolder, cancellationToken).ConfigureAwait(false);
            await ForEachPageAsync(ocrPages, async (item, token) =>
            {
                var image = await RasterizePdfPageAsync(path, item.PageNumber, workFolder, token).ConfigureAwait(false);
                results[item.Index] = await ReadImageAsync(image, _options.Dpi, item.PageNumber, workFolder, token)
                    .ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        return [.. results.Select(result => result!)];
    }

    private async Task<IReadOnlyList<PageText>> ReadTiffAsync(
        string path, IReadOnlyList<int> pageNumbers, string workFolder, CancellationToken cancellationToken)
    {
        int pageCount;
        using (var tiff = TiffPages.Open(path))
            pageCount = TiffPages.CountPages(tiff);

        var items = pageNumbers.Select((number, index) => (Index: index, PageNumber: RequirePage(number, pageCount)))
            .ToList();
        await EnsureSetupAsync(workFolder, cancellationToken).ConfigureAwait(false);

        var results = new PageText?[pageNumbers.Count];
        await ForEachPageAsync(items, async (item, token) =>
        {
            // A LibTiff handle is not thread-safe, so each page opens its own.
            GrayImage image;
            int dpi;
            using (var tiff = TiffPages.Open(path))
            {
                image = TiffPages.DecodePage(tiff, item.PageNumber - 1);
                dpi = TiffPages.HorizontalDpi(tiff, _options.Dpi);
            }

            results[item.Index] = await ReadImageAsync(image, dpi, item.PageNumber, workFolder, token)
                .ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        return [.. results.Select(result => result!)];
    }

    private async Task<IReadOnlyList<PageText>> ReadImageFileAsync(
        string path, IReadOnlyList<int> pageNumbers, string workFolder, CancellationToken cancellationToken)
    {
        foreach (var pageNumber in pageNumbers)
            _ = RequirePage(pageNumber, 1);

        await EnsureSetupAsync(workFolder, cancellationToken).ConfigureAwait(false);

        // These formats are not decoded here, so Tesseract reads the file as it is: no despeckle and no turning.
        var started = Stopwatch.GetTimestamp();
        var result = await RecognizeAsync(path, dpi: null, workFolder, cancellationToken).ConfigureAwait(false);
        var page = new PageText(1, result.Text, result.Confidence, 0, PageTextSource.Ocr);
        var elapsedMs = ElapsedMs(started);
        logger.PageRead(1, PageTextSource.Ocr, result.Confidence, 0, elapsedMs);
        return [.. pageNumbers.Select(_ => page)];
    }

    private async Task<PageText> ReadImageAsync(
        GrayImage image, int dpi, int pageNumber, string workFolder, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (_options.Despeckle)
            image = image.MedianFilter3x3();

        var imagePath = Path.Combine(workFolder, $"page-{pageNumber}.pgm");
        try
        {
            image.WritePgm(imagePath);
            var result = await RecognizeAsync(imagePath, dpi, workFolder, cancellationToken).ConfigureAwait(false);

            var rotation = 0;
            if (_options.DetectRotation && !LooksUpright(result))
            {
                rotation = await DetectRotationAsync(imagePath, dpi, pageNumber, workFolder, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (rotation != 0)
            {
                File.Delete(imagePath);
                image.RotateClockwise(rotation).WritePgm(imagePath);
                result = await RecognizeAsync(imagePath, dpi, workFolder, cancellationToken).ConfigureAwait(false);
            }

            var elapsedMs = ElapsedMs(started);
            logger.PageRead(pageNumber, PageTextSource.Ocr, result.Confidence, rotation, elapsedMs);
            return new PageText(pageNumber, result.Text, result.Confidence, rotation, PageTextSource.Ocr);
        }
        finally
        {
            File.Delete(imagePath);
        }
    }

    private async Task<GrayImage> RasterizePdfPageAsync(
        string path, int pageNumber, string workFolder, CancellationToken cancellationToken)
    {
        var outputBase = Path.Combine(workFolder, $"raster-{pageNumber}");
        var page = pageNumber.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            "-r", _options.Dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", page, "-l", page,
            "-singlefile", path, outputBase,
        ];

        var result = await Pdftoppm.RunAsync(arguments, workFolder, _options.ProcessTimeout, cancellationToken)
            .ConfigureAwait(false);
        var rasterPath = outputBase + ".pgm";
        try
        {
            if (result.ExitCode != 0 || !File.Exists(rasterPath))
            {
                throw new OcrProcessException(Pdftoppm.Name, result.ExitCode,
                    $"pdftoppm could not rasterize page {pageNumber} (exit code {result.ExitCode})");
            }

            return GrayImage.ReadPgm(rasterPath);
        }
        finally
        {
            File.Delete(rasterPath);
        }
    }

    private bool LooksUpright(OcrResult reading) =>
        reading.WordCount > 0 && reading.Confidence >= _options.UprightConfidence && reading.HorizontalShare > 0.5;

    private async Task<int> DetectRotationAsync(
        string imagePath, int dpi, int pageNumber, string workFolder, CancellationToken cancellationToken)
    {
        string[] arguments = [imagePath, "stdout", "--dpi", dpi.ToString(CultureInfo.InvariantCulture),
            "--psm", "0", "-l", OsdLanguage];
        var result = await Tesseract.RunAsync(arguments, workFolder, _options.ProcessTimeout, cancellationToken)
            .ConfigureAwait(false);

        // Pages with too few letters make Tesseract give up on orientation; such pages are read as they are.
        var orientation = result.ExitCode == 0 ? TesseractOutput.ParseOrientation(result.StandardOutput) : null;
        if (orientation is null)
        {
            logger.OrientationUnknown(pageNumber, result.ExitCode);
            return 0;
        }

        return orientation.Value.Confidence >= _options.MinRotationConfidence ? orientation.Value.RotateDegrees : 0;
    }

    private async Task<OcrResult> RecognizeAsync(
        string imagePath, int? dpi, string workFolder, CancellationToken cancellationToken)
    {
        List<string> arguments = [imagePath, "stdout", "-l", _options.Language, "--psm", "3"];
        if (dpi is { } resolution)
            arguments.AddRange(["--dpi", resolution.ToString(CultureInfo.InvariantCulture)]);
        arguments.Add("tsv");

        var result = await Tesseract.RunAsync(arguments, workFolder, _options.ProcessTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new OcrProcessException(Tesseract.Name, result.ExitCode,
                $"tesseract could not read a page image (exit code {result.ExitCode})");
        }

        return TesseractOutput.ParseTsv(result.StandardOutput);
    }

    /// <summary>Checks once per process that tesseract runs and has the OCR language and orientation data.</summary>
    private Task EnsureSetupAsync(string workFolder, CancellationToken cancellationToken)
    {
        var check = Volatile.Read(ref _setupCheck);
        if (check is { IsFaulted: false, IsCanceled: false })
            return check;

        var fresh = VerifySetupAsync(workFolder, cancellationToken);
        Interlocked.CompareExchange(ref _setupCheck, fresh, check);
        return fresh;
    }

    private async Task VerifySetupAsync(string workFolder, CancellationToken cancellationToken)
    {
        var result = await Tesseract.RunAsync(["--list-langs"], workFolder, _options.ProcessTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new OcrProcessException(Tesseract.Name, result.ExitCode,
                $"tesseract --list-langs failed (exit code {result.ExitCode})");
        }

        // Older builds print the list on stderr.
        var languages = TesseractOutput.ParseLanguages(result.StandardOutput + "\n" + result.StandardError);
        if (!languages.Contains(_options.Language))
            throw new OcrSetupException($"tesseract '{_options.Language}' language data", LanguagePackage());

        if (_options.DetectRotation && !languages.Contains(OsdLanguage))
            throw new OcrSetupException("tesseract orientation (osd) data", "tesseract-ocr-osd");
    }

    private string LanguagePackage() =>
        "tesseract-ocr-" + _options.Language.ToLowerInvariant().Replace('_', '-');

    private async Task ForEachPageAsync<T>(
        IEnumerable<T> items, Func<T, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = _options.EffectiveParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(items, parallel, async (item, token) =>
        {
            // Several page batches may be read at once; the slots keep the whole process at one page per processor,
            // so batches share the cores instead of crowding them and each holding decoded pages in memory.
            await _pageSlots.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await body(item, token).ConfigureAwait(false);
            }
            finally
            {
                _pageSlots.Release();
            }
        }).ConfigureAwait(false);
    }

    private void DeleteWorkFolder(DirectoryInfo workFolder)
    {
        try
        {
            workFolder.Delete(recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var errorType = exception.GetType().Name;
            logger.WorkFolderNotDeleted(errorType);
        }
    }

    private static int RequirePage(int pageNumber, int pageCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1, nameof(pageNumber));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageNumber, pageCount, nameof(pageNumber));
        return pageNumber;
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private static LocalOcrOptions ValidOptions(LocalOcrOptions options)
    {
        options.Validate();
        return options;
    }
}
