using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Reading;

public sealed class LocalDocumentReadingRegistrationTests
{
    [Fact]
    public void AddLocalDocumentReading_WithSettings_BindsLimitsAndOptions()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Preflight:MaxPages"] = "42",
                ["Preflight:MaxBytes"] = "1048576",
                ["LocalOcr:Dpi"] = "300",
                ["LocalOcr:Despeckle"] = "false",
            })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddLocalDocumentReading(configuration)
            .BuildServiceProvider();

        // Act
        var limits = provider.GetRequiredService<PreflightLimits>();
        var ocr = provider.GetRequiredService<IOptions<LocalOcrOptions>>().Value;

        // Assert
        Assert.Equal((42, 1_048_576L, 100, 10_000), (limits.MaxPages, limits.MaxBytes, limits.MinPixels, limits.MaxPixels));
        Assert.Equal((300, false, "eng"), (ocr.Dpi, ocr.Despeckle, ocr.Language));
        Assert.IsType<DocumentInspector>(provider.GetRequiredService<IDocumentInspector>());
        Assert.Equal("tesseract", provider.GetRequiredService<IPageReader>().EngineName);
    }

    [Fact]
    public void AddLocalDocumentReading_InvalidLimits_FailsWhenResolved()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Preflight:MaxPages"] = "0" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddLocalDocumentReading(configuration)
            .BuildServiceProvider();

        // Act
        var act = () => provider.GetRequiredService<PreflightLimits>();

        // Assert
        Assert.Throws<OptionsValidationException>(act);
    }
}
