namespace HipaaAi.Shared.Ai;

/// <summary>
/// Where the Azure AI services live and how patiently to talk to them. Bound from the <c>AzureAi</c> configuration
/// section. Holds no keys: both services are called with a managed identity token.
/// </summary>
public sealed class AzureAiOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "AzureAi";

    /// <summary>
    /// The Document Intelligence (AI services) endpoint, e.g. <c>https://contoso-di.cognitiveservices.azure.com/</c>.
    /// </summary>
    public Uri? DocumentIntelligenceEndpoint { get; set; }

    /// <summary>The REST API version of Document Intelligence; 2024-11-30 is the v4.0 GA release.</summary>
    public string DocumentIntelligenceApiVersion { get; set; } = "2024-11-30";

    /// <summary>The analysis model; <c>prebuilt-layout</c> returns lines, words, confidences and page angles.</summary>
    public string DocumentIntelligenceModelId { get; set; } = "prebuilt-layout";

    /// <summary>How long to wait between status polls when the service does not say (Retry-After).</summary>
    public TimeSpan DocumentIntelligencePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one analysis may take, from submission to a final status, before it is abandoned.</summary>
    public TimeSpan DocumentIntelligenceMaxWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The Azure OpenAI endpoint, e.g. <c>https://contoso-aoai.openai.azure.com/</c>.</summary>
    public Uri? OpenAiEndpoint { get; set; }

    /// <summary>The chat model deployment used for classification, extraction and summaries.</summary>
    public string? ChatDeployment { get; set; }

    /// <summary>
    /// The speech-to-text deployment (a Whisper model) that dictation is transcribed with, through the REST
    /// <c>audio/transcriptions</c> operation; dictation falls back to the offline engines when it is not set.
    /// </summary>
    public string? TranscriptionDeployment { get; set; }

    /// <summary>The Azure OpenAI data-plane API version; structured outputs need 2024-10-21 or later.</summary>
    public string OpenAiApiVersion { get; set; } = "2024-10-21";

    /// <summary>The most tokens one answer may use; an answer cut off at this limit is rejected as truncated.</summary>
    public int MaxOutputTokens { get; set; } = 2_000;

    /// <summary>How many times the client pipelines retry throttled (429) and transient failures.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The client id of a user-assigned managed identity, when the app has more than one identity. It is an identifier,
    /// not a secret.
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }
}
