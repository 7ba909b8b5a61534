using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;

namespace HipaaAi.Shared.Ai;

/// <summary>Builds the one <see cref="AzureOpenAIClient"/> the app uses, with retry and timeouts from options.</summary>
internal static class AzureOpenAiClientFactory
{
    public static AzureOpenAIClient Create(AzureAiOptions options, TokenCredential credential, HttpClient httpClient)
    {
        var endpoint = options.OpenAiEndpoint
            ?? throw new InvalidOperationException("AzureAi:OpenAiEndpoint is not configured.");
        var version = ParseServiceVersion(options.OpenAiApiVersion)
            ?? throw new InvalidOperationException("AzureAi:OpenAiApiVersion is not supported.");

        var clientOptions = new AzureOpenAIClientOptions(version)
        {
            // The client retry policy waits as long as a 429's Retry-After (or retry-after-ms) asks before retrying.
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
            NetworkTimeout = options.NetworkTimeout,
            Transport = new HttpClientPipelineTransport(httpClient),
            UserAgentApplicationId = "hipaa-ai",
        };

        return new AzureOpenAIClient(endpoint, credential, clientOptions);
    }

    /// <summary>Maps a REST api-version such as "2024-10-21" onto the client's version enum; null when unknown.</summary>
    public static AzureOpenAIClientOptions.ServiceVersion? ParseServiceVersion(string? apiVersion) =>
        !string.IsNullOrWhiteSpace(apiVersion)
        && Enum.TryParse<AzureOpenAIClientOptions.ServiceVersion>("V" + apiVersion.Replace('-', '_'), out var version)
        && Enum.IsDefined(version)
            ? version
            : null;
}
