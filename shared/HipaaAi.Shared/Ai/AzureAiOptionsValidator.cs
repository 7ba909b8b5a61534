using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Checks <see cref="AzureAiOptions"/> at start-up. Endpoints must use TLS: bearer tokens and PHI never travel over
/// plain HTTP, so there is deliberately no switch that allows it.
/// </summary>
internal sealed class AzureAiOptionsValidator : IValidateOptions<AzureAiOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureAiOptions options)
    {
        var failures = new List<string>();

        if (options.DocumentIntelligenceEndpoint is null && options.OpenAiEndpoint is null)
            failures.Add("Configure AzureAi:DocumentIntelligenceEndpoint, AzureAi:OpenAiEndpoint or both.");
        CheckEndpoint(options.DocumentIntelligenceEndpoint, nameof(options.DocumentIntelligenceEndpoint), failures);
        CheckEndpoint(options.OpenAiEndpoint, nameof(options.OpenAiEndpoint), failures);

        if (options.OpenAiEndpoint is not null && string.IsNullOrWhiteSpace(options.ChatDeployment))
            failures.Add("AzureAi:ChatDeployment is required when AzureAi:OpenAiEndpoint is set.");
        if (options.OpenAiEndpoint is not null
            && AzureOpenAiClientFactory.ParseServiceVersion(options.OpenAiApiVersion) is null)
            failures.Add("AzureAi:OpenAiApiVersion is not a version this client supports.");
        if (string.IsNullOrWhiteSpace(options.DocumentIntelligenceApiVersion)
            || string.IsNullOrWhiteSpace(options.DocumentIntelligenceModelId))
        {
            failures.Add("AzureAi:DocumentIntelligenceApiVersion and DocumentIntelligenceModelId must not be empty.");
        }

        if (options.DocumentIntelligencePollInterval < TimeSpan.Zero
            || options.DocumentIntelligencePollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add("AzureAi:DocumentIntelligencePollInterval must be between 0 and 1 minute.");
        }

        if (options.DocumentIntelligenceMaxWait <= TimeSpan.Zero)
            failures.Add("AzureAi:DocumentIntelligenceMaxWait must be positive.");
        if (options.MaxOutputTokens is < 16 or > 16_384)
            failures.Add("AzureAi:MaxOutputTokens must be between 16 and 16384.");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add("AzureAi:MaxRetries must be between 0 and 10.");
        if (options.NetworkTimeout <= TimeSpan.Zero || options.NetworkTimeout > TimeSpan.FromMinutes(10))
            failures.Add("AzureAi:NetworkTimeout must be between 0 and 10 minutes.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckEndpoint(Uri? endpoint, string key, List<string> failures)
    {
        if (endpoint is not null && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
            failures.Add($"AzureAi:{key} must be an absolute https URI.");
    }
}
