using HipaaAi.Shared.Storage;

namespace HipaaAi.Shared.Compliance;

/// <summary>What the code does with one container or queue the template creates.</summary>
public sealed record StoreRole(FlowStage Stage, string Holds, string Lifetime);

/// <summary>
/// The code's use of each container and queue, keyed by the names in <see cref="StorageNames"/>. The template says
/// which stores exist; this table says what the workflows put there and when they remove it. A store the template
/// creates but this table does not know is reported as unclassified, so a new container cannot slip past the pack.
/// </summary>
public static class StoreRoles
{
    public const string AuditOutbox = "audit-outbox";
    public const string DeploymentPackage = "app-package";

    private static readonly Dictionary<string, StoreRole> Containers = new(StringComparer.Ordinal)
    {
        [StorageNames.FaxInbox] = new(FlowStage.Enters, "faxes as received (full PHI)",
            "moved to records or quarantine when the workflow ends; a repeated delivery is deleted"),
        [StorageNames.ScanInbox] = new(FlowStage.Enters, "scans as received (full PHI)",
            "moved to records or quarantine when the workflow ends; a repeated delivery is deleted"),
        [StorageNames.Work] = new(FlowStage.Processed, "page text, extracted fields and summaries (full PHI)",
            "deleted by the workflow when the document is routed or quarantined"),
        [StorageNames.Records] = new(FlowStage.Stored, "the archived original and each record's JSON (full PHI)",
            "kept until deleted by staff systems or an operator; no lifecycle rule in the code"),
        [StorageNames.Quarantine] = new(FlowStage.Stored, "rejected originals with the verdict in metadata (full PHI)",
            "kept until an operator deletes them"),
        [StorageNames.Outbox] = new(FlowStage.Leaves, "files prepared for export to other systems (e.g. an EHR)",
            "no workflow writes here yet"),
        [AuditOutbox] = new(FlowStage.Logged, "audit events waiting for Logs Ingestion (ids and codes, no PHI)",
            "each entry deleted once the workspace accepted it"),
        [DeploymentPackage] = new(FlowStage.Outside, "the app's deployment package (no PHI)", "replaced on deploy"),
    };

    /// <summary>The role of a container, or null when the code does not know it.</summary>
    public static StoreRole? ForContainer(string name) => Containers.GetValueOrDefault(name);

    /// <summary>Staff queues carry reference messages (record id, document id, blob path), never text.</summary>
    public static StoreRole ForQueue(string name, string reviewQueue) =>
        string.Equals(name, reviewQueue, StringComparison.Ordinal)
            ? new(FlowStage.Leaves, "references to records that need a person's review (ids and blob paths)",
                "until a consumer takes the message; Azure Storage queues expire messages after 7 days by default")
            : new(FlowStage.Leaves, "references to routed records for staff systems (ids and blob paths)",
                "until a consumer takes the message; Azure Storage queues expire messages after 7 days by default");
}
