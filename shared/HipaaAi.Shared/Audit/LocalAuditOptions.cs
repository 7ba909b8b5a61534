namespace HipaaAi.Shared.Audit;

/// <summary>The local hash-chained audit log, bound from <c>Audit:Local</c>.</summary>
public sealed class LocalAuditOptions
{
    public const string SectionName = "Audit:Local";

    /// <summary>The folder that holds one sub-folder of monthly segments per workflow.</summary>
    public string RootPath { get; set; } = string.Empty;

    /// <summary>How long a writer waits for another writer (in this or another process) to let go of the chain.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
