using System.Text.Json;
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
        new(true, "RecordsReviewers", "RecordsSupervisors", ApprovalTiming.Default);
}

/// <summary>Where a reviewed document stands; shown in results and kept on the record.</summary>
public static class ReviewStatuses
{
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Expired = "Expired";
    public const string Undelivered = "Undelivered";

    /// <summary>A step of the review gave up after its retries (followed by the step's name); the record stays in review.</summary>
    public const string Failed = "ReviewFailed";

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
/// document went without waiting days for the decisions. The durable backends keep custom status small (Azure
/// Storage: 16 KB of UTF-16 text), so a file of many documents reports only their count.
/// </summary>
public sealed record IntakeProgress(string Phase, IntakeResult Result, int DocumentCount)
{
    public const string AwaitingReview = "AwaitingReview";

    /// <summary>Characters of JSON the status may take: half the 16 KB limit, counted in UTF-16 code units.</summary>
    public const int MaxStatusCharacters = 8 * 1024;

    public static IntakeProgress For(IntakeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        var full = new IntakeProgress(AwaitingReview, result, result.Documents.Count);
        return JsonSerializer.Serialize(full).Length <= MaxStatusCharacters
            ? full
            : full with { Result = result with { Documents = [] } };
    }
}
