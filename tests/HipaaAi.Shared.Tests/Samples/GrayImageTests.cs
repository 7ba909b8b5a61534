using System.Text;
using HipaaAi.Shared.Samples;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class GrayImageTests
{
    // 3 wide, 2 tall:  a b c
    //                  d e f
    private static GrayImage Letters() => new(3, 2, 200, [1, 2, 3, 4, 5, 6]);

    [Theory]
    [InlineData(90, 2, 3, new byte[] { 4, 1, 5, 2, 6, 3 })]
    [InlineData(180, 3, 2, new byte[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData(270, 2, 3, new byte[] { 3, 6, 2, 5, 1, 4 })]
    [InlineData(-90, 2, 3, new byte[] { 3, 6, 2, 5, 1, 4 })]
    public void RotateClockwise_QuarterTurns_MovesPixelsLikePaper(int degrees, int width, int height, byte[] expected)
    {
        // Act
        var turned = Letters().RotateClockwise(degrees);

        // Assert
        Assert.Equal((width, height), (turned.Width, turned.Height));
        Assert.Equal(expected, turned.Pixels);
    }

    [Fact]
    public void Threshold_MixedGrays_OnlyBlackAndWhite()
    {
        // Arrange
        var image = new GrayImage(4, 1, 200, [0, 159, 160, 255]);

        // Act
        var bilevel = image.Threshold();

        // Assert
        Assert.Equal(new byte[] { 0, 0, 255, 255 }, bilevel.Pixels);
    }

    [Fact]
    public void AddSaltAndPepper_OnePercent_ChangesAboutHalfThatShareOfAWhitePage()
    {
        // Arrange
        var page = GrayImage.Blank(1000, 1000, 200);

        // Act
        var noisy = page.AddSaltAndPepper(new Random(3), 0.01);

        // Assert: half the flips land on "white" and change nothing.
        Assert.InRange(noisy.InkRatio(0, 1000), 0.0045, 0.0055);
    }

    [Fact]
    public void Decode_BinaryPgmWithComment_ReadsSizeAndPixels()
    {
        // Arrange
        byte[] pgm = [.. Encoding.ASCII.GetBytes("P5\n# made by a test\n2 2\n255\n"), 0, 64, 128, 255];

        // Act
        var image = PgmDecoder.Decode(pgm, 200);

        // Assert
        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(new byte[] { 0, 64, 128, 255 }, image.Pixels);
    }

    [Fact]
    public void FaxTiffWriteRead_OddWidthPages_RoundTripsPixels()
    {
        // Arrange
        var first = GrayImage.Blank(13, 5, 200).AddSaltAndPepper(new Random(1), 0.5);
        var second = GrayImage.Blank(9, 3, 200, GrayImage.Black);

        // Act
        var pages = FaxTiff.Read(FaxTiff.Write([first, second]));

        // Assert
        Assert.Equal(2, pages.Count);
        Assert.Equal(first.Pixels, pages[0].Pixels);
        Assert.Equal(second.Pixels, pages[1].Pixels);
    }
}
