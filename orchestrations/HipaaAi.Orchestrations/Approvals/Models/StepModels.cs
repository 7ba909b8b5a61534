using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Orchestrations.Approvals.Models;

/// <summary>Which message of an approval is being posted.</summary>
public enum ApprovalStage
{
    Initial,
    Reminder,
    Escalation,
}

public sealed record PostApprovalCardInput(
    string ApprovalId,
    ApprovalRequest Request,
    ApprovalStage Stage,
    int Sequence,
    string Group,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline) : IAuditSubject
{
    public string AuditSubject => Request.SubjectId;
}

public sealed record PostApprovalCardResult(int EnvelopeBytes);

public sealed record CloseApprovalInput(string ApprovalId, string SubjectId, ApprovalVerdict Verdict) : IAuditSubject
{
    public string AuditSubject => SubjectId;
}

/// <summary>The decision that stands after closing: a staff decision that raced the timeout wins over it.</summary>
public sealed record CloseApprovalResult(StoredDecision? Standing);
