using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Tests.TestFiles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Documents;

public sealed class DocumentInspectorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Inspect_ZeroByteFile_IsEmpty()
    {
        // Arrange
        var path = _folder.Write("inbound.pdf", []);

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Empty, report.Verdict);
        Assert.Equal(0, report.PageCount);
    }

    [Fact]
    public void Inspect_PdfWithUserPassword_IsEncrypted()
    {
        // Arrange
        var path = _folder.Write("locked.pdf", TestDocuments.TextPdf([["Locked referral"]], userPassword: "s3cret"));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Pdf, report.Format);
        Assert.Equal(PreflightVerdict.Encrypted, report.Verdict);
    }

    [Fact]
    public void Inspect_TruncatedPdf_IsCorrupt()
    {
        // Arrange
        var whole = TestDocuments.TextPdf([["First page"], ["Second page"]]);
        var path = _folder.Write("cut.pdf", whole[..(whole.Length / 2)]);

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Pdf, report.Format);
        Assert.Equal(PreflightVerdict.Corrupt, report.Verdict);
    }

    [Fact]
    public void Inspect_DocxNamedPdf_IsUnsupportedAndNamesTheContainer()
    {
        // Arrange
        var path = _folder.Write("referral.pdf", TestDocuments.DocxContainer());

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Zip, report.Format);
        Assert.Equal(PreflightVerdict.Unsupported, report.Verdict);
        Assert.Equal("ZIP container (e.g. .docx) named .pdf", report.Reason);
    }

    [Fact]
    public void Inspect_HeicNamedPdf_IsUnsupported()
    {
        // Arrange
        var path = _folder.Write("photo.PDF", TestDocuments.HeicHeader());

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Heif, report.Format);
        Assert.Equal(PreflightVerdict.Unsupported, report.Verdict);
        Assert.Equal("HEIF/HEIC image named .pdf", report.Reason);
    }

    [Fact]
    public void Inspect_FortyPixelPng_IsTooSmall()
    {
        // Arrange
        var path = _folder.Write("icon.png", TestDocuments.GrayPng(40, 40));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.TooSmall, report.Verdict);
        Assert.Equal(new PageGeometry(1, 40, 40, false), Assert.Single(report.Pages));
    }

    [Fact]
    public void Inspect_TwelveThousandPixelTallPng_IsTooLarge()
    {
        // Arrange
        var path = _folder.Write("strip.png", TestDocuments.GrayPng(800, 12_000));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.TooLarge, report.Verdict);
        Assert.Equal(12_000, Assert.Single(report.Pages).HeightPixels);
    }

    [Fact]
    public void Inspect_PngWithDamagedData_IsCorrupt()
    {
        // Arrange
        var bytes = TestDocuments.GrayPng(200, 200);
        bytes[50] ^= 0xFF; // inside the IDAT chunk, so its checksum no longer matches
        var path = _folder.Write("damaged.png", bytes);

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Corrupt, report.Verdict);
    }

    [Fact]
    public void Inspect_ValidPng_IsAcceptedWithItsSize()
    {
        // Arrange
        var path = _folder.Write("scan.png", TestDocuments.GrayPng(1700, 2200));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Accepted, report.Verdict);
        Assert.Equal(new PageGeometry(1, 1700, 2200, false), Assert.Single(report.Pages));
    }

    [Fact]
    public void Inspect_SevenPageGroup4Tiff_ReportsSevenPages()
    {
        // Arrange
        var path = _folder.Write("fax.tif", SevenPageFax());

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Tiff, report.Format);
        Assert.Equal(PreflightVerdict.Accepted, report.Verdict);
        Assert.Equal(7, report.PageCount);
        Assert.All(report.Pages, page => Assert.Equal((1728, 400, false),
            (page.WidthPixels, page.HeightPixels, page.HasTextLayer)));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], report.Pages.Select(page => page.PageNumber));
    }

    [Fact]
    public void Inspect_TiffWithMorePagesThanAllowed_IsTooLarge()
    {
        // Arrange
        var path = _folder.Write("fax.tif", SevenPageFax());

        // Act
        var report = Inspector(new PreflightLimits { MaxPages = 5 }).Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.TooLarge, report.Verdict);
        Assert.Equal("7 pages, above the limit of 5", report.Reason);
    }

    [Fact]
    public void Inspect_TruncatedTiff_IsCorrupt()
    {
        // Arrange
        var whole = SevenPageFax();
        var path = _folder.Write("cut.tif", whole[..(whole.Length / 2)]);

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(DocumentFormat.Tiff, report.Format);
        Assert.Equal(PreflightVerdict.Corrupt, report.Verdict);
    }

    [Fact]
    public void Inspect_BornDigitalPdf_ReportsPagesAtOcrResolutionWithTextLayer()
    {
        // Arrange
        var path = _folder.Write("letter.pdf", TestDocuments.TextPdf([["Discharge summary"], ["Medications"]]));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Accepted, report.Verdict);
        Assert.Equal(
            [new PageGeometry(1, 1700, 2200, true), new PageGeometry(2, 1700, 2200, true)],
            report.Pages);
    }

    [Fact]
    public void Inspect_PdfPageTurnedByRotateEntry_ReportsRenderedOrientation()
    {
        // Arrange
        var path = _folder.Write("landscape.pdf", TestDocuments.TextPdf([["Wide table"]], pageRotation: 90));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(new PageGeometry(1, 2200, 1700, true), Assert.Single(report.Pages));
    }

    [Fact]
    public void Inspect_ImageOnlyPdf_ReportsNoTextLayer()
    {
        // Arrange
        var path = _folder.Write("scan.pdf", TestDocuments.ImageOnlyPdf(["Scanned referral"]));

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Accepted, report.Verdict);
        Assert.False(Assert.Single(report.Pages).HasTextLayer);
    }

    [Fact]
    public void Inspect_FileLargerThanLimit_IsTooLarge()
    {
        // Arrange
        var path = _folder.Write("big.pdf", TestDocuments.TextPdf([["Some text"]]));

        // Act
        var report = Inspector(new PreflightLimits { MaxBytes = 100 }).Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.TooLarge, report.Verdict);
        Assert.Equal(DocumentFormat.Pdf, report.Format);
    }

    [Fact]
    public void Inspect_PlainTextNamedTif_IsUnsupported()
    {
        // Arrange
        var path = _folder.Write("note.tif", "Call back tomorrow"u8.ToArray());

        // Act
        var report = Inspector().Inspect(path);

        // Assert
        Assert.Equal(PreflightVerdict.Unsupported, report.Verdict);
        Assert.Equal("plain text named .tif", report.Reason);
    }

    private static DocumentInspector Inspector(PreflightLimits? limits = null) =>
        new(Options.Create(limits ?? new PreflightLimits()), NullLogger<DocumentInspector>.Instance);

    private static byte[] SevenPageFax()
    {
        var pages = Enumerable.Range(1, 7)
            .Select(number => new GrayImage(1728, 400, Stripes(1728, 400, number)))
            .ToList();
        return TestDocuments.Group4Tiff(pages);
    }

    private static byte[] Stripes(int width, int height, int seed)
    {
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        for (var y = 20 * seed; y < 20 * seed + 10; y++)
            Array.Fill(pixels, (byte)0, y * width + 100, 500);
        return pixels;
    }
}
