using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.Approvals.Models;

/// <summary>
/// How long an approval waits and how it nags: a reminder every <see cref="ReminderInterval"/>, a card to the
/// escalation group after <see cref="EscalateAfter"/> (never when null), <see cref="ApprovalVerdict.Expired"/> after
/// <see cref="Timeout"/>. No single durable timer is longer than <see cref="MaxTimerSlice"/>.
/// </summary>
public sealed record ApprovalTiming(
    TimeSpan ReminderInterval,
    TimeSpan? EscalateAfter,
    TimeSpan Timeout,
    TimeSpan MaxTimerSlice)
{
    /// <summary>The longest timer the approval ever sets: long waits are chained in slices of at most this.</summary>
    public static TimeSpan LongestTimerSlice { get; } = TimeSpan.FromDays(3);

    public static ApprovalTiming Default { get; } =
        new(TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(14), LongestTimerSlice);

    public void Validate()
    {
        if (ReminderInterval <= TimeSpan.Zero || Timeout <= TimeSpan.Zero || MaxTimerSlice <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Approval timings must be positive.");
        }

        if (MaxTimerSlice > LongestTimerSlice)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTimerSlice), MaxTimerSlice, "A timer slice is at most 3 days.");
        }

        if (EscalateAfter is { } after && (after <= TimeSpan.Zero || after >= Timeout))
        {
            throw new ArgumentOutOfRangeException(nameof(EscalateAfter), after, "Escalation must come before the timeout.");
        }
    }
}

/// <summary>
/// What a workflow asks a human to decide. <see cref="Facts"/> are the minimum necessary, already masked by the
/// caller; <see cref="Exceptions"/> are content-free codes; <see cref="RecordLink"/> opens the record inside the PHI
/// boundary. <see cref="ApproverRole"/> is the role that may decide (see also <c>Approvals:DeciderRoles</c>);
/// the groups name the Teams channels that receive the card and, later, the escalation.
/// </summary>
public sealed record ApprovalRequest(
    Workflow Workflow,
    string SubjectId,
    string Kind,
    string Title,
    IReadOnlyList<ApprovalFact> Facts,
    double? Confidence,
    IReadOnlyList<string> Exceptions,
    Uri RecordLink,
    IReadOnlyList<ApprovalDecision> AllowedDecisions,
    string ApproverRole,
    string ApproverGroup,
    string EscalationGroup,
    ApprovalTiming Timing,
    RetryPlan Retry)
{
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(SubjectId);
        ArgumentException.ThrowIfNullOrEmpty(Kind);
        ArgumentException.ThrowIfNullOrEmpty(ApproverRole);
        ArgumentException.ThrowIfNullOrEmpty(ApproverGroup);
        ArgumentException.ThrowIfNullOrEmpty(EscalationGroup);
        if (AllowedDecisions.Count == 0)
        {
            throw new ArgumentException("An approval needs at least one allowed decision.", nameof(AllowedDecisions));
        }

        Timing.Validate();
        Retry.Validate();
    }
}

/// <summary>
/// How an approval ended: the decision, who made it (a directory id or <c>auto-approver</c>), their comment and
/// when; or <see cref="ApprovalVerdict.Expired"/> / <see cref="ApprovalVerdict.Undelivered"/> with no decider.
/// </summary>
public sealed record ApprovalOutcome(
    string ApprovalId,
    ApprovalVerdict Verdict,
    ApprovalDecision? Decision,
    string? DecidedBy,
    string? Comment,
    DateTimeOffset? DecidedAt,
    bool Escalated,
    int RemindersSent)
{
    public bool IsApproved => Decision is ApprovalDecision.Approve or ApprovalDecision.EditAndApprove;
}
