using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HipaaAi.Shared.Samples;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class BrokenFilesTests
{
    [Fact]
    public void Empty_Always_HasNoBytes()
    {
        // Act
        var file = BrokenFiles.Empty();

        // Assert
        Assert.Empty(file);
    }

    [Fact]
    public void TruncateMidStream_TextPdf_KeepsHeaderButLosesEndOfStreamAndTrailer()
    {
        // Arrange
        var pdf = TestRenderer.Create().RenderTextPdf(TestRenderer.Pages(1), seed: 1);

        // Act
        var truncated = BrokenFiles.TruncateMidStream(pdf);

        // Assert
        var text = Encoding.Latin1.GetString(truncated);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.True(truncated.Length < pdf.Length);
        var lastStream = text.LastIndexOf("stream", StringComparison.Ordinal);
        Assert.DoesNotContain("endstream", text[lastStream..], StringComparison.Ordinal);
        Assert.DoesNotContain("%%EOF", text, StringComparison.Ordinal);
    }

    [Fact]
    public void MinimalDocx_Paragraph_IsZipWithContentTypesAndDocumentPart()
    {
        // Act
        var docx = BrokenFiles.MinimalDocx("Referral letter");

        // Assert
        Assert.Equal("PK\u0003\u0004", Encoding.Latin1.GetString(docx, 0, 4));
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        Assert.Contains("<w:t>Referral letter</w:t>", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void HeicSignature_Seeded_StartsWithHeicFtypBox()
    {
        // Act
        var heic = BrokenFiles.HeicSignature(new Random(1));

        // Assert
        Assert.Equal(4096, heic.Length);
        Assert.Equal(0x18, BinaryPrimitives.ReadInt32BigEndian(heic));
        Assert.Equal("ftypheic", Encoding.ASCII.GetString(heic, 4, 8));
    }

    [Fact]
    public void TinyPng_Default_Is40By40Png()
    {
        // Act
        var png = BrokenFiles.TinyPng();

        // Assert
        Assert.Equal((40, 40), PngSize(png));
    }

    [Fact]
    public void OversizedPagePng_Default_Is12000PixelsTall()
    {
        // Act
        var png = BrokenFiles.OversizedPagePng();

        // Assert
        Assert.Equal((1000, 12_000), PngSize(png));
    }

    [Fact]
    public void JunkFaxPages_Seeded_ThreeFaxSizedPagesWithoutTextRows()
    {
        // Act
        var pages = BrokenFiles.JunkFaxPages(new Random(9));

        // Assert
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal((1700, 2200), (page.Width, page.Height)));
        Assert.InRange(pages[0].InkRatio(0, pages[0].Height), 0.05, 0.07);
        Assert.InRange(pages[1].InkRatio(100, 2000), 0.0005, 0.003);
    }

    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
