using Azure.Core;
using Azure.Core.Pipeline;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// The Azure.Core pipeline settings of every REST client of the Azure AI services: the SDK's exponential retry (which
/// honours Retry-After), the configured retry count and timeout, and never a request or response body in its logs.
/// </summary>
internal sealed class AzureAiPipelineOptions : ClientOptions
{
    public AzureAiPipelineOptions(AzureAiOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);

        Transport = new HttpClientTransport(httpClient);
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = options.MaxRetries;
        Retry.Delay = TimeSpan.FromSeconds(1);
        Retry.MaxDelay = TimeSpan.FromSeconds(60);
        Retry.NetworkTimeout = options.NetworkTimeout;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "hipaa-ai";
    }
}
