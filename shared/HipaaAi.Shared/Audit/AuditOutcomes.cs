namespace HipaaAi.Shared.Audit;

/// <summary>Outcome and action names shared by every workflow, so queries over the audit trail stay uniform.</summary>
public static class AuditOutcomes
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Quarantined = "Quarantined";
    public const string Refused = "Refused";
    public const string Skipped = "Skipped";
    public const string NotFound = "NotFound";
}

/// <summary>Audit action names.</summary>
public static class AuditActions
{
    public const string ActivityCompleted = "activity.completed";
    public const string ActivityFailed = "activity.failed";
    public const string ModelCall = "model.call";
    public const string OrchestrationStarted = "orchestration.started";
    public const string DuplicateDelivery = "orchestration.duplicate";

    /// <summary>A staff member opened a record (or was refused it); the actor is that person, not the service.</summary>
    public const string RecordViewed = "record.viewed";
}
