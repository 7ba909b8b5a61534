using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Tests.Reading;

public sealed class GrayImageTests
{
    [Fact]
    public void MedianFilter3x3_IsolatedSpeck_IsRemoved()
    {
        // Arrange
        var pixels = Enumerable.Repeat((byte)255, 25).ToArray();
        pixels[12] = 0;
        var image = new GrayImage(5, 5, pixels);

        // Act
        var filtered = image.MedianFilter3x3();

        // Assert
        Assert.All(filtered.Pixels, value => Assert.Equal(255, value));
    }

    [Fact]
    public void MedianFilter3x3_ThickStroke_IsKept()
    {
        // Arrange: a vertical stroke three pixels wide in a 7x7 white image
        var pixels = Enumerable.Repeat((byte)255, 49).ToArray();
        for (var y = 0; y < 7; y++)
            pixels[y * 7 + 2] = pixels[y * 7 + 3] = pixels[y * 7 + 4] = 0;
        var image = new GrayImage(7, 7, pixels);

        // Act
        var filtered = image.MedianFilter3x3();

        // Assert
        Assert.Equal(pixels, filtered.Pixels);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MedianFilter3x3_RandomImage_MatchesSortedMedianOfEachWindow(int seed)
    {
        // Arrange
        var random = new Random(seed);
        var pixels = new byte[9 * 6];
        random.NextBytes(pixels);
        var image = new GrayImage(9, 6, pixels);

        // Act
        var filtered = image.MedianFilter3x3();

        // Assert
        for (var y = 1; y < 5; y++)
        {
            for (var x = 1; x < 8; x++)
            {
                var window = new List<byte>();
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                        window.Add(pixels[(y + dy) * 9 + x + dx]);
                window.Sort();
                Assert.Equal(window[4], filtered.Pixels[y * 9 + x]);
            }
        }
    }

    [Theory]
    [InlineData(90, 2, 3, new byte[] { 4, 1, 5, 2, 6, 3 })]
    [InlineData(180, 3, 2, new byte[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData(270, 2, 3, new byte[] { 3, 6, 2, 5, 1, 4 })]
    [InlineData(0, 3, 2, new byte[] { 1, 2, 3, 4, 5, 6 })]
    public void RotateClockwise_ThreeByTwo_MovesPixels(int degrees, int width, int height, byte[] expected)
    {
        // Arrange: 1 2 3 / 4 5 6
        var image = new GrayImage(3, 2, [1, 2, 3, 4, 5, 6]);

        // Act
        var rotated = image.RotateClockwise(degrees);

        // Assert
        Assert.Equal((width, height), (rotated.Width, rotated.Height));
        Assert.Equal(expected, rotated.Pixels);
    }
}
