namespace HipaaAi.Shared.Audit;

/// <summary>The Azure Monitor Logs Ingestion target, bound from <c>Audit:LogsIngestion</c>. No secrets: the sink
/// authenticates with the app's managed identity.</summary>
public sealed class LogsIngestionOptions
{
    public const string SectionName = "Audit:LogsIngestion";

    /// <summary>The data collection endpoint's logs ingestion URL (private link), e.g.
    /// <c>https://dce-audit-xxxx.eastus-1.ingest.monitor.azure.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The immutable id of the data collection rule, e.g. <c>dcr-0123456789abcdef0123456789abcdef</c>.</summary>
    public string DataCollectionRuleId { get; set; } = string.Empty;

    /// <summary>Largest uncompressed JSON body per call; the service limit is 1 MB per call.</summary>
    public int MaxBatchBytes { get; set; } = 1_000_000;

    public int MaxRetries { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every problem with the settings, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            problems.Add($"{SectionName}:Endpoint must be an absolute https URL of a data collection endpoint.");
        }

        if (string.IsNullOrWhiteSpace(DataCollectionRuleId) ||
            !DataCollectionRuleId.StartsWith("dcr-", StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:DataCollectionRuleId must be the rule's immutable id (dcr-...).");
        }

        if (MaxBatchBytes is < 1024 or > 1_000_000)
        {
            problems.Add($"{SectionName}:MaxBatchBytes must be between 1024 and 1000000.");
        }

        return problems;
    }
}
