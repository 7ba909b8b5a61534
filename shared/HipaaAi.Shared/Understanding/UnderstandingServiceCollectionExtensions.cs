using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HipaaAi.Shared.Understanding;

/// <summary>Registers the offline document-understanding engines.</summary>
public static class UnderstandingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the local splitter, ML.NET classifier, rule-based extractor, extractive summarizer, companion-document
    /// rules and routing rules, configured from the "Understanding" section. The rules files are read once, at
    /// first use; a missing or malformed file throws <see cref="UnderstandingConfigurationException"/>.
    /// </summary>
    public static IServiceCollection AddLocalDocumentUnderstanding(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var options = new UnderstandingOptions();
        configuration.GetSection(UnderstandingOptions.SectionName).Bind(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<IDocumentSplitter, DocumentSplitter>();
        services.AddSingleton<MlNetDocumentClassifier>();
        services.AddSingleton<IDocumentClassifier>(sp => sp.GetRequiredService<MlNetDocumentClassifier>());
        services.AddSingleton<IFieldExtractor, RuleBasedFieldExtractor>();
        services.AddSingleton<IDocumentSummarizer, ExtractiveSummarizer>();
        services.AddSingleton(_ => CompanionDocumentRules.Load(
            options.ResolveConfigFile(options.CompanionFile, CompanionDocumentRules.DefaultFileName)));
        services.AddSingleton(_ => RoutingRules.Load(
            options.ResolveConfigFile(options.RoutingFile, RoutingRules.DefaultFileName),
            options.ReviewConfidenceThreshold));
        return services;
    }
}
