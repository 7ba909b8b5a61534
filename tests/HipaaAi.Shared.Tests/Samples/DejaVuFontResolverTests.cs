using HipaaAi.Shared.Samples;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class DejaVuFontResolverTests
{
    [Fact]
    public void Constructor_FolderWithoutFonts_ThrowsNamingDebianPackage()
    {
        // Arrange
        var empty = Directory.CreateTempSubdirectory("no-fonts-");

        try
        {
            // Act
            var exception = Assert.Throws<SampleRenderingException>(() => new DejaVuFontResolver(empty.FullName));

            // Assert
            Assert.Contains("fonts-dejavu-core", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Theory]
    [InlineData(false, "DejaVuSans")]
    [InlineData(true, "DejaVuSans-Bold")]
    public void ResolveTypeface_AnyFamily_ResolvesToDejaVuFace(bool bold, string expectedFace)
    {
        // Arrange
        var resolver = new DejaVuFontResolver(DejaVuFontResolver.DefaultDirectory);

        // Act
        var info = resolver.ResolveTypeface("Arial", bold, italic: false);

        // Assert
        Assert.Equal(expectedFace, info!.FaceName);
        Assert.True(resolver.GetFont(expectedFace)!.Length > 100_000);
    }
}
