using System.Text;
using BitMiracle.LibTiff.Classic;
using HipaaAi.Shared.Samples;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class SampleRendererTests
{
    [Fact]
    public void RenderTextPdf_TwoPages_HasTextLayerWithEachPageText()
    {
        // Arrange
        var renderer = TestRenderer.Create();

        // Act
        var pdf = renderer.RenderTextPdf(TestRenderer.Pages(2), seed: 1);

        // Assert
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        Assert.Contains("TEST PAGE 2", document.GetPage(2).Text, StringComparison.Ordinal);
        Assert.Contains("foxtrot", document.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderTextPdf_SameTextsAndSeed_SameBytes()
    {
        // Arrange
        var renderer = TestRenderer.Create();

        // Act
        var first = renderer.RenderTextPdf(TestRenderer.Pages(1), seed: 5);
        var second = renderer.RenderTextPdf(TestRenderer.Pages(1), seed: 5);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void RenderEncryptedPdf_WithoutPassword_PdfPigRefusesToOpen()
    {
        // Arrange
        var renderer = TestRenderer.Create();

        // Act
        var pdf = renderer.RenderEncryptedPdf(TestRenderer.Pages(1), "s3cret", seed: 2);

        // Assert
        Assert.Contains("/Encrypt", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.Throws<PdfDocumentEncryptedException>(() => PdfDocument.Open(pdf).Dispose());
        using var opened = PdfDocument.Open(pdf, new ParsingOptions { Password = "s3cret" });
        Assert.Equal(1, opened.NumberOfPages);
    }

    [Fact]
    public void RenderFaxTiff_ThreePages_IsGroup4AtFaxResolution()
    {
        // Arrange
        var renderer = TestRenderer.Create();

        // Act
        var tiff = renderer.RenderFaxTiff(TestRenderer.Pages(3), FaxEffects.Typical, seed: 3);

        // Assert
        using var stream = new MemoryStream(tiff);
        using var image = Tiff.ClientOpen("t", "r", stream, new TiffStream());
        Assert.Equal(3, image.NumberOfDirectories());
        for (short page = 0; page < 3; page++)
        {
            image.SetDirectory(page);
            Assert.Equal((int)Compression.CCITTFAX4, image.GetField(TiffTag.COMPRESSION)[0].ToInt());
            Assert.Equal(1, image.GetField(TiffTag.BITSPERSAMPLE)[0].ToInt());
            Assert.Equal(200f, image.GetField(TiffTag.XRESOLUTION)[0].ToFloat());
            Assert.Equal(1700, image.GetField(TiffTag.IMAGEWIDTH)[0].ToInt());
            Assert.Equal(2200, image.GetField(TiffTag.IMAGELENGTH)[0].ToInt());
        }
    }

    [Fact]
    public void RenderFaxTiff_PageTwoRotated180_InkMovesToBottomHalf()
    {
        // Arrange
        var renderer = TestRenderer.Create();
        var effects = FaxEffects.None.WithRotation(2, 180);

        // Act
        var pages = FaxTiff.Read(renderer.RenderFaxTiff(TestRenderer.Pages(2), effects, seed: 4));

        // Assert: the short texts sit at the top of an upright page, so a half-turn puts them at the bottom.
        var upright = pages[0];
        var turned = pages[1];
        var half = upright.Height / 2;
        Assert.True(upright.InkRatio(0, half) > 10 * upright.InkRatio(half, half));
        Assert.True(turned.InkRatio(half, half) > 10 * turned.InkRatio(0, half));
    }

    [Fact]
    public void RenderFaxTiff_PageRotated90_IsLandscape()
    {
        // Arrange
        var renderer = TestRenderer.Create();
        var effects = FaxEffects.Typical.WithRotation(1, 90);

        // Act
        var pages = FaxTiff.Read(renderer.RenderFaxTiff(TestRenderer.Pages(1), effects, seed: 6));

        // Assert
        Assert.Equal(2200, pages[0].Width);
        Assert.Equal(1700, pages[0].Height);
    }

    [Fact]
    public void RenderImageOnlyPdf_FaxPages_HasImagesAndNoLetters()
    {
        // Arrange
        var renderer = TestRenderer.Create();
        var pages = renderer.RenderFaxPages(TestRenderer.Pages(2), FaxEffects.Typical, seed: 7);

        // Act
        var pdf = renderer.RenderImageOnlyPdf(pages, seed: 7);

        // Assert
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(2, document.NumberOfPages);
        foreach (var page in document.GetPages())
        {
            Assert.Empty(page.Letters);
            Assert.Single(page.GetImages());
        }
    }

    [Fact]
    public void Rasterize_MissingPdftoppm_ThrowsNamingPopplerUtils()
    {
        // Arrange
        var options = new SampleRenderingOptions { PdftoppmPath = "/nonexistent/pdftoppm" };
        var renderer = new SampleRenderer(
            Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SampleRenderer>.Instance);
        var pdf = renderer.RenderTextPdf(TestRenderer.Pages(1), seed: 1);

        // Act
        var exception = Assert.Throws<SampleRenderingException>(() => renderer.Rasterize(pdf));

        // Assert
        Assert.Contains("poppler-utils", exception.Message, StringComparison.Ordinal);
    }
}
