using Azure.AI.OpenAI;
using Azure.Core;
using Azure.Identity;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Ai;

/// <summary>Registers the Document Intelligence reader and the Azure OpenAI classifier, extractor and summarizer.
/// </summary>
public static class AzureAiServiceCollectionExtensions
{
    /// <summary>
    /// The named <see cref="HttpClient"/> both service clients send through. Its primary handler is the place to attach a
    /// different transport (a test stub, a proxy); the SDK pipelines above it stay the same.
    /// </summary>
    public const string HttpClientName = "HipaaAi.AzureAi";

    /// <summary>
    /// Adds <see cref="DocumentIntelligencePageReader"/>, <see cref="OpenAiDocumentClassifier"/>,
    /// <see cref="OpenAiFieldExtractor"/> and <see cref="OpenAiDocumentSummarizer"/> as singletons configured from the
    /// <c>AzureAi</c> section, and the understanding interfaces unless something else already provides them. Uses a
    /// registered <see cref="TokenCredential"/>, or <see cref="DefaultAzureCredential"/> (managed identity in Azure).
    /// The host must register an <see cref="IModelCallRecorder"/>.
    /// </summary>
    public static IServiceCollection AddAzureDocumentAi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AzureAiOptions>()
            .Bind(configuration.GetSection(AzureAiOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<AzureAiOptions>, AzureAiOptionsValidator>());

        // One long-lived client: the SDK pipelines own timeouts and retries, and pooled connections are renewed so DNS
        // changes (such as a private endpoint's address) are picked up.
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<TokenCredential>(provider =>
            new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId =
                    provider.GetRequiredService<IOptions<AzureAiOptions>>().Value.ManagedIdentityClientId,
            }));

        services.TryAddSingleton(provider => new DocumentIntelligenceClient(
            provider.GetRequiredService<IOptions<AzureAiOptions>>().Value,
            provider.GetRequiredService<TokenCredential>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton(provider => AzureOpenAiClientFactory.Create(
            provider.GetRequiredService<IOptions<AzureAiOptions>>().Value,
            provider.GetRequiredService<TokenCredential>(),
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.TryAddSingleton(provider => new StructuredChat(
            provider.GetRequiredService<AzureOpenAIClient>(),
            provider.GetRequiredService<IOptions<AzureAiOptions>>(),
            provider.GetRequiredService<IModelCallRecorder>(),
            provider.GetRequiredService<ILogger<StructuredChat>>()));

        services.TryAddSingleton(provider => new DocumentIntelligencePageReader(
            provider.GetRequiredService<DocumentIntelligenceClient>(),
            provider.GetRequiredService<IModelCallRecorder>(),
            provider.GetRequiredService<ILogger<DocumentIntelligencePageReader>>()));
        services.TryAddSingleton(provider => new OpenAiDocumentClassifier(provider.GetRequiredService<StructuredChat>()));
        services.TryAddSingleton(provider => new OpenAiFieldExtractor(
            provider.GetRequiredService<StructuredChat>(),
            provider.GetRequiredService<ILogger<OpenAiFieldExtractor>>()));
        services.TryAddSingleton(provider => new OpenAiDocumentSummarizer(provider.GetRequiredService<StructuredChat>()));

        services.TryAddSingleton<IPageReader>(provider => provider.GetRequiredService<DocumentIntelligencePageReader>());
        services.TryAddSingleton<IDocumentClassifier>(provider => provider.GetRequiredService<OpenAiDocumentClassifier>());
        services.TryAddSingleton<IFieldExtractor>(provider => provider.GetRequiredService<OpenAiFieldExtractor>());
        services.TryAddSingleton<IDocumentSummarizer>(provider => provider.GetRequiredService<OpenAiDocumentSummarizer>());

        return services;
    }
}
