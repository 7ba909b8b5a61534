using HipaaAi.Shared.Samples;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class SampleServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSamples_SamplesSection_BindsOptionsAndResolvesServices()
    {
        // Arrange
        using var provider = Build(new() { ["Samples:RasterDpi"] = "150", ["Samples:PdftoppmPath"] = "/opt/pdftoppm" });

        // Act
        var options = provider.GetRequiredService<IOptions<SampleRenderingOptions>>().Value;
        var sampleSet = provider.GetRequiredService<SampleSet>();

        // Assert
        Assert.Equal(150, options.RasterDpi);
        Assert.Equal("/opt/pdftoppm", options.PdftoppmPath);
        Assert.Same(sampleSet, provider.GetRequiredService<SampleSet>());
    }

    [Fact]
    public void AddSamples_RasterDpiOutOfRange_FailsValidation()
    {
        // Arrange
        using var provider = Build(new() { ["Samples:RasterDpi"] = "10" });

        // Act
        var exception = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<SampleRenderingOptions>>().Value);

        // Assert
        Assert.Contains("Samples:RasterDpi", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSamples(configuration).BuildServiceProvider();
    }
}
