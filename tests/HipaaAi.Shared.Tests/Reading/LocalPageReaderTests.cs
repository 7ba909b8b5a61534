using System.Diagnostics;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Tests.TestFiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace HipaaAi.Shared.Tests.Reading;

/// <summary>Runs the real tesseract and pdftoppm binaries (Debian tesseract-ocr, tesseract-ocr-osd, poppler-utils).</summary>
public sealed class LocalPageReaderTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] IntakeLines =
    [
        "Patient Intake Form",
        "Referral from Riverside Family Clinic",
        "Reason for visit: persistent cough and fever",
        "Allergies: penicillin",
        "Current medications: lisinopril and metformin",
        "Please schedule a follow up appointment",
        "with the pulmonology department next week.",
    ];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ReadPagesAsync_BornDigitalPdf_UsesTextLayerLineByLine()
    {
        // Arrange
        var path = _folder.Write("letter.pdf", TestDocuments.TextPdf(
            [["Discharge Summary", "MRN 4820-1937 seen on 03/14/2024"], ["Follow up in two weeks"]]));
        var started = Stopwatch.GetTimestamp();

        // Act
        var pages = await Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [1, 2], CancellationToken.None);

        // Assert
        output.WriteLine($"text layer: {Stopwatch.GetElapsedTime(started).TotalSeconds / 2:0.000} s per page");
        Assert.Equal(
            [
                new PageText(1, "Discharge Summary\nMRN 4820-1937 seen on 03/14/2024", 1.0, 0, PageTextSource.TextLayer),
                new PageText(2, "Follow up in two weeks", 1.0, 0, PageTextSource.TextLayer),
            ],
            pages);
    }

    [Fact]
    public async Task ReadPagesAsync_ImageOnlyPdf_ReadsByOcr()
    {
        // Arrange
        var path = _folder.Write("scan.pdf", TestDocuments.ImageOnlyPdf(IntakeLines));

        // Act
        var page = Assert.Single(await Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [1], CancellationToken.None));

        // Assert
        Assert.Equal(PageTextSource.Ocr, page.Source);
        Assert.Equal(0, page.RotationDegrees);
        Assert.Contains("Patient Intake Form", page.Text, StringComparison.Ordinal);
        Assert.Contains("penicillin", page.Text, StringComparison.Ordinal);
        Assert.InRange(page.Confidence, 0.8, 1.0);
    }

    [Fact]
    public async Task ReadPagesAsync_ScanWithStampedFaxHeader_ReadsTheScanByOcr()
    {
        // Arrange
        var path = _folder.Write("stamped.pdf",
            TestDocuments.ScannedPdf(IntakeLines, stampedHeader: "FAX 12/01 09:14 PAGE 1/1"));

        // Act
        var page = Assert.Single(await Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [1], CancellationToken.None));

        // Assert
        Assert.Equal(PageTextSource.Ocr, page.Source);
        Assert.Contains("Patient Intake Form", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90, 270)]
    [InlineData(180, 180)]
    [InlineData(270, 90)]
    public async Task ReadPagesAsync_TurnedFaxPage_IsTurnedUprightAndRead(int scannedTurn, int expectedCorrection)
    {
        // Arrange
        var page = TestDocuments.RenderPage(IntakeLines).RotateClockwise(scannedTurn);
        var path = _folder.Write("turned.tif", TestDocuments.Group4Tiff([page]));

        // Act
        var result = Assert.Single(
            await Reader().ReadPagesAsync(path, DocumentFormat.Tiff, [1], CancellationToken.None));

        // Assert
        Assert.Equal(expectedCorrection, result.RotationDegrees);
        Assert.Contains("Patient Intake Form", result.Text, StringComparison.Ordinal);
        Assert.Contains("pulmonology", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPagesAsync_SevenPageGroup4Tiff_ReadsEveryPage()
    {
        // Arrange
        var pages = Enumerable.Range(1, 7)
            .Select(number => TestDocuments.RenderPage([$"Page {number} of 7", .. IntakeLines]))
            .ToList();
        var path = _folder.Write("fax.tif", TestDocuments.Group4Tiff(pages));
        var started = Stopwatch.GetTimestamp();

        // Act
        var results = await Reader().ReadPagesAsync(
            path, DocumentFormat.Tiff, [1, 2, 3, 4, 5, 6, 7], CancellationToken.None);

        // Assert
        output.WriteLine($"OCR: {Stopwatch.GetElapsedTime(started).TotalSeconds / 7:0.00} s per fax page " +
            $"({Environment.ProcessorCount} in parallel)");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], results.Select(result => result.PageNumber));
        Assert.All(results, result =>
        {
            Assert.Equal(PageTextSource.Ocr, result.Source);
            Assert.Contains($"Page {result.PageNumber} of 7", result.Text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReadPagesAsync_NoisyFaxPage_RecoversMrnDateAndPhoneExactly()
    {
        // Arrange
        string[] lines =
        [
            "Laboratory Requisition",
            "MRN: 4820-1937",
            "Date of service: 03/14/2024",
            "Callback phone: (555) 867-5309",
            "Ordering provider: Dr. Avery Quinn",
            "Tests: complete blood count and lipid panel",
        ];
        var noisy = TestDocuments.AddSaltAndPepper(TestDocuments.RenderPage(lines), fraction: 0.04, seed: 7);
        var path = _folder.Write("noisy.tif", TestDocuments.Group4Tiff([noisy]));

        // Act
        var page = Assert.Single(
            await Reader().ReadPagesAsync(path, DocumentFormat.Tiff, [1], CancellationToken.None));

        // Assert
        output.WriteLine($"noisy page confidence {page.Confidence:0.000}");
        Assert.Contains("MRN: 4820-1937", page.Text, StringComparison.Ordinal);
        Assert.Contains("03/14/2024", page.Text, StringComparison.Ordinal);
        Assert.Contains("(555) 867-5309", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPagesAsync_PageBeyondEnd_ThrowsArgumentOutOfRange()
    {
        // Arrange
        var path = _folder.Write("letter.pdf", TestDocuments.TextPdf([["Only page"]]));

        // Act
        var act = () => Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [2], CancellationToken.None);

        // Assert
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(act);
    }

    [Fact]
    public async Task ReadPagesAsync_TesseractMissing_ThrowsNamingAptPackage()
    {
        // Arrange
        var path = _folder.Write("fax.tif", TestDocuments.Group4Tiff([new GrayImage(200, 200, new byte[200 * 200])]));
        var reader = Reader(new LocalOcrOptions { TesseractPath = "/nonexistent/tesseract" });

        // Act
        var act = () => reader.ReadPagesAsync(path, DocumentFormat.Tiff, [1], CancellationToken.None);

        // Assert
        var exception = await Assert.ThrowsAsync<OcrSetupException>(act);
        Assert.Equal(("tesseract", "tesseract-ocr"), (exception.Component, exception.AptPackage));
    }

    [Fact]
    public async Task ReadPagesAsync_PdftoppmMissing_ThrowsNamingAptPackage()
    {
        // Arrange
        var path = _folder.Write("scan.pdf", TestDocuments.ImageOnlyPdf(["Scanned"]));
        var reader = Reader(new LocalOcrOptions { PdftoppmPath = "/nonexistent/pdftoppm" });

        // Act
        var act = () => reader.ReadPagesAsync(path, DocumentFormat.Pdf, [1], CancellationToken.None);

        // Assert
        var exception = await Assert.ThrowsAsync<OcrSetupException>(act);
        Assert.Equal(("pdftoppm", "poppler-utils"), (exception.Component, exception.AptPackage));
    }

    [Fact]
    public async Task ReadPagesAsync_LanguageDataMissing_ThrowsNamingAptPackage()
    {
        // Arrange
        var path = _folder.Write("fax.tif", TestDocuments.Group4Tiff([new GrayImage(200, 200, new byte[200 * 200])]));
        var reader = Reader(new LocalOcrOptions { Language = "xyz" });

        // Act
        var act = () => reader.ReadPagesAsync(path, DocumentFormat.Tiff, [1], CancellationToken.None);

        // Assert
        var exception = await Assert.ThrowsAsync<OcrSetupException>(act);
        Assert.Equal("tesseract-ocr-xyz", exception.AptPackage);
    }

    [Fact]
    public async Task ReadPagesAsync_AfterReading_LeavesNoWorkFolderBehind()
    {
        // Arrange
        var path = _folder.Write("scan.pdf", TestDocuments.ImageOnlyPdf(IntakeLines));
        var before = WorkFolders();

        // Act
        await Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [1], CancellationToken.None);

        // Assert
        Assert.Equal(before, WorkFolders());
    }

    [Fact]
    public async Task ReadPagesAsync_Cancelled_ThrowsOperationCanceled()
    {
        // Arrange
        var path = _folder.Write("scan.pdf", TestDocuments.ImageOnlyPdf(IntakeLines));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        // Act
        var act = () => Reader().ReadPagesAsync(path, DocumentFormat.Pdf, [1], cancellation.Token);

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(act);
    }

    private static LocalPageReader Reader(LocalOcrOptions? options = null) =>
        new(Options.Create(options ?? new LocalOcrOptions()), NullLogger<LocalPageReader>.Instance);

    private static string[] WorkFolders() =>
        [.. Directory.GetDirectories(Path.GetTempPath(), "hipaaai-ocr-*").Order(StringComparer.Ordinal)];
}
