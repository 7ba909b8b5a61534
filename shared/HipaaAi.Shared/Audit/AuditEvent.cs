namespace HipaaAi.Shared.Audit;

/// <summary>
/// One audit record: who or what did which action to which subject, in which workflow step, with what outcome.
/// <para>
/// <see cref="Subject"/> is an opaque reference (a document id or a keyed pseudonym of the patient) and
/// <see cref="Detail"/> is a short machine code (e.g. a quarantine reason); neither may ever hold a name, a date of
/// birth, an identifier or document text.
/// </para>
/// </summary>
public sealed record AuditEvent
{
    public required DateTimeOffset Time { get; init; }

    public required Workflow Workflow { get; init; }

    public required string InstanceId { get; init; }

    public required string Activity { get; init; }

    public int Attempt { get; init; } = 1;

    /// <summary>The service identity, or the staff member for human decisions and record access.</summary>
    public required string Actor { get; init; }

    public required string Subject { get; init; }

    /// <summary>What was done, e.g. "activity.completed", "model.call", "record.viewed", "approval.decided".</summary>
    public required string Action { get; init; }

    /// <summary>"Succeeded", "Failed", "Quarantined", "Refused", or a workflow-specific outcome name.</summary>
    public required string Outcome { get; init; }

    public TimeSpan Duration { get; init; }

    public string? Detail { get; init; }

    public string? AiService { get; init; }

    public string? Deployment { get; init; }

    public string? Model { get; init; }

    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    public int? RequestCharacters { get; init; }

    public int? ResponseCharacters { get; init; }

    /// <summary>The retention class of the workflow, which names the table and the policy the event falls under.</summary>
    public required string RetentionClass { get; init; }
}
