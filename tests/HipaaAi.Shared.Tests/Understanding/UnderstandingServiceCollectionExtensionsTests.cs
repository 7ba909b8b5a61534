using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class UnderstandingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalDocumentUnderstanding(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddLocalDocumentUnderstanding_DefaultConfiguration_ResolvesEveryEngineAndShippedRules()
    {
        // Arrange
        using var provider = Build([]);

        // Act
        var splitter = provider.GetRequiredService<IDocumentSplitter>();
        var classifier = provider.GetRequiredService<IDocumentClassifier>();
        var extractor = provider.GetRequiredService<IFieldExtractor>();
        var summarizer = provider.GetRequiredService<IDocumentSummarizer>();
        var routing = provider.GetRequiredService<RoutingRules>();
        var companions = provider.GetRequiredService<CompanionDocumentRules>();

        // Assert
        Assert.IsType<DocumentSplitter>(splitter);
        Assert.IsType<MlNetDocumentClassifier>(classifier);
        Assert.IsType<RuleBasedFieldExtractor>(extractor);
        Assert.IsType<ExtractiveSummarizer>(summarizer);
        Assert.Equal("records-review", routing.ReviewQueue);
        Assert.NotEmpty(companions.Requirements);
    }

    [Fact]
    public void AddLocalDocumentUnderstanding_OverriddenPathsAndThreshold_UsesThem()
    {
        // Arrange
        var directory = Directory.CreateTempSubdirectory("hipaaai-rules-");
        File.WriteAllText(Path.Combine(directory.FullName, "my-routing.json"),
            """{ "defaultQueue": "intake-general", "reviewQueue": "intake-review", "reviewConfidenceThreshold": 0.5 }""");
        File.WriteAllText(Path.Combine(directory.FullName, CompanionDocumentRules.DefaultFileName), """{ "requirements": [] }""");
        try
        {
            using var provider = Build(new()
            {
                ["Understanding:ConfigDirectory"] = directory.FullName,
                ["Understanding:RoutingFile"] = "my-routing.json",
                ["Understanding:ReviewConfidenceThreshold"] = "0.8",
                ["Understanding:MrnPattern"] = @"^H\d{5}$",
            });

            // Act
            var routing = provider.GetRequiredService<RoutingRules>();
            var companions = provider.GetRequiredService<CompanionDocumentRules>();
            var options = provider.GetRequiredService<UnderstandingOptions>();

            // Assert
            Assert.Equal("intake-review", routing.ReviewQueue);
            Assert.Equal("intake-general", routing.QueueFor(DocumentType.Referral));
            Assert.Equal(0.8, routing.ReviewConfidenceThreshold);
            Assert.Empty(companions.Requirements);
            Assert.Equal(@"^H\d{5}$", options.MrnPattern);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void AddLocalDocumentUnderstanding_MissingRulesFile_ThrowsConfigurationExceptionOnResolve()
    {
        // Arrange
        using var provider = Build(new() { ["Understanding:ConfigDirectory"] = Path.Combine(Path.GetTempPath(), "no-such-rules-dir") });

        // Act and assert
        Assert.Throws<UnderstandingConfigurationException>(() => provider.GetRequiredService<RoutingRules>());
    }
}
