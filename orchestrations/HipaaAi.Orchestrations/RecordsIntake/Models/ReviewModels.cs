using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Orchestrations.RecordsIntake.Models;

/// <summary>
/// Whether documents routed to review are put before staff as approval cards, to which Teams groups, and how long
/// the approval waits. Captured when the orchestration starts, so a replay decides the same way.
/// </summary>
public sealed record ReviewSettings(bool Enabled, string ApproverGroup, string EscalationGroup, ApprovalTiming Timing)
{
    public const string ApproverRole = "RecordsReviewer";

    public static ReviewSettings Default { get; } =
        new(true, "records-reviewers", "records-supervisors", ApprovalTiming.Default);
}

/// <summary>Where a reviewed document stands; shown in results and kept on the record.</summary>
public static class ReviewStatuses
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    public const string Undelivered = "Undelivered";

    /// <summary>The card is out and nobody has decided yet (only ever seen in the orchestration's custom status).</summary>
    public const string Awaiting = "Awaiting";
}

/// <summary>One routed record to put before a reviewer, by reference.</summary>
public sealed record RecordReviewInput(string DocumentId, int Index) : IAuditSubject
{
    public string AuditSubject => $"{DocumentId}-{Index:D2}";
}

/// <summary>What the approval card shows: already masked facts and content-free reason codes.</summary>
public sealed record RecordReviewCard(
    string RecordId,
    string Title,
    IReadOnlyList<ApprovalFact> Facts,
    IReadOnlyList<string> Exceptions,
    Uri RecordLink);

/// <summary>The reviewer's answer, to be applied to the record and its queue.</summary>
public sealed record ApplyReviewInput(
    string DocumentId,
    int Index,
    ApprovalVerdict Verdict,
    ApprovalDecision? Decision,
    string? DecidedBy,
    string? Comment,
    DateTimeOffset? DecidedAt) : IAuditSubject
{
    public string AuditSubject => $"{DocumentId}-{Index:D2}";
}

/// <summary>Where the record went after the review: its staff queue when approved, none when rejected.</summary>
public sealed record ApplyReviewResult(string Status, string? Queue);

/// <summary>The review decision as the record keeps it, for staff systems and auditors.</summary>
public sealed record RecordReview(
    string Status,
    string? DecidedBy,
    string? Comment,
    DateTimeOffset? DecidedAt,
    string? ReleasedToQueue);

/// <summary>
/// The orchestration's custom status while reviews are open: the result so far, so a caller can show where every
/// document went without waiting days for the decisions.
/// </summary>
public sealed record IntakeProgress(string Phase, IntakeResult Result)
{
    public const string AwaitingReview = "AwaitingReview";
}
