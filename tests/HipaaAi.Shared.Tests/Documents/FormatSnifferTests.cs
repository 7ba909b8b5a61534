using System.Text;
using HipaaAi.Shared.Documents;

namespace HipaaAi.Shared.Tests.Documents;

public sealed class FormatSnifferTests
{
    public static TheoryData<string, DocumentFormat> Heads => new()
    {
        { "%PDF-1.7\n", DocumentFormat.Pdf },
        { "\u0000\u0000junk before the header %PDF-1.4\n", DocumentFormat.Pdf },
        { "II*\u0000\u0008\u0000\u0000\u0000", DocumentFormat.Tiff },
        { "MM\u0000*\u0000\u0000\u0000\u0008", DocumentFormat.Tiff },
        { "\u0089PNG\r\n\u001a\n\u0000\u0000", DocumentFormat.Png },
        { "\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF", DocumentFormat.Jpeg },
        { "GIF89a\u0001\u0000\u0001\u0000", DocumentFormat.Gif },
        { "BM\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0036\u0000\u0000\u0000\u0028\u0000\u0000\u0000",
            DocumentFormat.Bmp },
        { "PK\u0003\u0004\u0014\u0000", DocumentFormat.Zip },
        { "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic", DocumentFormat.Heif },
        { "\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000\u0000\u0000mif1heic", DocumentFormat.Heif },
        { "\u0000\u0000\u0000\u0014ftypisom\u0000\u0000\u0000\u0000isom", DocumentFormat.Unknown },
        { "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1\u0000", DocumentFormat.OleCompound },
        { "Referral note\r\nPlease see attached.\r\n", DocumentFormat.Text },
        { "BM is how this text starts", DocumentFormat.Text },
        { "\u0001\u0002\u0003\u0000\u0004", DocumentFormat.Unknown },
        { "", DocumentFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void Sniff_LeadingBytes_ReturnsRealFormat(string head, DocumentFormat expected)
    {
        // Arrange
        var bytes = Encoding.Latin1.GetBytes(head);

        // Act
        var format = FormatSniffer.Sniff(bytes);

        // Assert
        Assert.Equal(expected, format);
    }

    [Fact]
    public void Sniff_PdfHeaderBeyondFirstKilobyte_IsNotPdf()
    {
        // Arrange
        var bytes = new byte[1100];
        Encoding.ASCII.GetBytes("%PDF-1.4").CopyTo(bytes, 1050);

        // Act
        var format = FormatSniffer.Sniff(bytes);

        // Assert
        Assert.Equal(DocumentFormat.Unknown, format);
    }
}
