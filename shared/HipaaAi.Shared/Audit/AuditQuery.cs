namespace HipaaAi.Shared.Audit;

/// <summary>A filter over one workflow's local audit trail; null criteria match everything.</summary>
public sealed record AuditQuery(Workflow Workflow)
{
    public string? InstanceId { get; init; }

    public string? Subject { get; init; }

    /// <summary>Inclusive lower bound on <see cref="AuditEvent.Time"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="AuditEvent.Time"/>.</summary>
    public DateTimeOffset? To { get; init; }

    public string? Activity { get; init; }

    public string? Action { get; init; }

    public string? Outcome { get; init; }

    public bool Matches(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);

        return auditEvent.Workflow == Workflow
            && (InstanceId is null || string.Equals(auditEvent.InstanceId, InstanceId, StringComparison.Ordinal))
            && (Subject is null || string.Equals(auditEvent.Subject, Subject, StringComparison.Ordinal))
            && (From is null || auditEvent.Time >= From)
            && (To is null || auditEvent.Time < To)
            && (Activity is null || string.Equals(auditEvent.Activity, Activity, StringComparison.Ordinal))
            && (Action is null || string.Equals(auditEvent.Action, Action, StringComparison.Ordinal))
            && (Outcome is null || string.Equals(auditEvent.Outcome, Outcome, StringComparison.OrdinalIgnoreCase));
    }
}
