namespace HipaaAi.Shared.Approvals;

/// <summary>A choice a staff member can make on an approval card.</summary>
public enum ApprovalDecision
{
    Approve,
    Reject,
    EditAndApprove,
}

/// <summary>How an approval ended.</summary>
public enum ApprovalVerdict
{
    /// <summary>A staff member (or the local auto-approver) decided.</summary>
    Decided,

    /// <summary>Nobody decided before the overall timeout.</summary>
    Expired,

    /// <summary>Neither the approver group nor the escalation group could be reached.</summary>
    Undelivered,
}

/// <summary>
/// One minimum-necessary fact shown on a card, already masked by the workflow that asks for the approval
/// (for example "Patient" / "J. D*** (MRN ***4821)"). Never document text.
/// </summary>
public sealed record ApprovalFact(string Label, string Value);

/// <summary>Well-known approval kinds; a policy in configuration says which roles may decide each.</summary>
public static class ApprovalKinds
{
    public const string RecordReview = "RecordReview";
    public const string NoteSignature = "NoteSignature";
    public const string PriorAuthPacket = "PriorAuthPacket";
    public const string BillingFinding = "BillingFinding";
}

/// <summary>
/// The payload of the <see cref="ApprovalEvents.Decided"/> external event, raised only by the decision service after
/// the decision was recorded exactly once.
/// </summary>
public sealed record ApprovalDecidedEvent(
    string ApprovalId,
    ApprovalDecision Decision,
    string DecidedBy,
    string? Comment,
    DateTimeOffset DecidedAt,
    string Channel);

/// <summary>Durable event names of the approval mechanism.</summary>
public static class ApprovalEvents
{
    public const string Decided = "ApprovalDecided";
}

/// <summary>Audit action names of the approval mechanism.</summary>
public static class ApprovalAuditActions
{
    public const string Decided = "approval.decided";
    public const string Refused = "approval.refused";

    /// <summary>The activity name recorded on audit events the decision endpoint writes.</summary>
    public const string DecisionEndpoint = "ApprovalDecisionEndpoint";
}
