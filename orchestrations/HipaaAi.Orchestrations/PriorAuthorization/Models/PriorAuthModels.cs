using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.PriorAuthorization.Models;

/// <summary>
/// The settings a prior-authorization instance runs with, fixed at its start so every replay decides alike: retries,
/// how the approval waits, and how the submission is monitored (poll interval, escalation, when to stop).
/// </summary>
public sealed record PriorAuthSettings(
    RetryPlan Retry,
    int PagesPerReadBatch,
    ApprovalTiming ApprovalTiming,
    TimeSpan PollInterval,
    TimeSpan EscalateAfter,
    TimeSpan GiveUpAfter,
    Uri CaseLinkBase)
{
    public static PriorAuthSettings Default { get; } = new(RetryPlan.Default, 8, ApprovalTiming.Default,
        TimeSpan.FromHours(4), TimeSpan.FromDays(3), TimeSpan.FromDays(30), new Uri("http://127.0.0.1/prior-auth/"));
}

/// <summary>The input of one prior-authorization orchestration: the case id and where its request message is kept.</summary>
public sealed record PriorAuthRequest(string CaseId, string RequestBlob, PriorAuthSettings Settings);

/// <summary>How a prior-authorization case ended.</summary>
public enum PriorAuthOutcome
{
    /// <summary>Staff rejected the packet (or the approval expired); it went back to them with its exceptions.</summary>
    ReturnedToStaff,

    /// <summary>The payer approved the submitted request.</summary>
    PayerApproved,

    /// <summary>The payer denied it; the denial went to staff.</summary>
    PayerDenied,

    /// <summary>The payer asked for more information; the request went to staff.</summary>
    MoreInformationRequested,

    /// <summary>The payer did not answer before monitoring gave up; staff were told.</summary>
    MonitoringTimedOut,

    /// <summary>A step failed on every attempt; staff were told which.</summary>
    Failed,
}

/// <summary>What the payer reports about a submission.</summary>
public enum PayerStatus
{
    Pending,
    Approved,
    Denied,
    MoreInformationRequested,
}

/// <summary>One document of the case by reference: its source blob, the pages that make it, and its type once known.</summary>
public sealed record CaseSegment(
    string DocumentId,
    int Index,
    BlobReference Source,
    DocumentFormat Format,
    int FirstPage,
    int LastPage,
    DocumentType Type);

/// <summary>A source blob to gather; <see cref="KnownType"/> is set when records intake already classified it.</summary>
public sealed record CaseSource(string DocumentId, BlobReference Source, DocumentType? KnownType, int? FirstPage, int? LastPage);

public sealed record GatherInput(string CaseId, string RequestBlob) : IAuditSubject
{
    public string AuditSubject => CaseId;
}

/// <summary>The sources found and content-free codes for references that could not be used.</summary>
public sealed record GatherResult(IReadOnlyList<CaseSource> Sources, IReadOnlyList<string> Problems);

public sealed record AssessInput(string CaseId, string RequestBlob, IReadOnlyList<CaseSegment> Segments, IReadOnlyList<string> GatherProblems)
    : IAuditSubject
{
    public string AuditSubject => CaseId;
}

/// <summary>Counts and content-free codes; the evidence itself is in the assessment blob.</summary>
public sealed record AssessResult(
    string Payer,
    string Service,
    string? CriteriaKey,
    int CriteriaCount,
    int CriteriaMet,
    IReadOnlyList<string> Exceptions,
    bool IsReady,
    string AssessmentBlob);

public sealed record BuildPacketInput(string CaseId, IReadOnlyList<CaseSegment> Segments) : IAuditSubject
{
    public string AuditSubject => CaseId;
}

public sealed record BuildPacketResult(string PacketBlob, string SummaryBlob, int PageCount);

public sealed record SubmitPacketInput(string CaseId, string Payer, string PacketBlob, string SummaryBlob) : IAuditSubject
{
    public string AuditSubject => CaseId;
}

public sealed record SubmitPacketResult(string SubmissionId, string Channel);

public sealed record CheckStatusInput(string CaseId, string SubmissionId) : IAuditSubject
{
    public string AuditSubject => CaseId;
}

public sealed record CheckStatusResult(PayerStatus Status);

/// <summary>Why staff are told about a case; codes only.</summary>
public static class StaffNoticeReasons
{
    public const string PacketRejected = "PacketRejected";
    public const string ApprovalExpired = "ApprovalExpired";
    public const string PayerApproved = "PayerApproved";
    public const string PayerDenied = "PayerDenied";
    public const string MoreInformationRequested = "MoreInformationRequested";
    public const string PendingTooLong = "PendingTooLong";
    public const string MonitoringTimedOut = "MonitoringTimedOut";
    public const string ProcessingFailed = "ProcessingFailed";
}

public sealed record NotifyStaffInput(string CaseId, string Reason, IReadOnlyList<string> Codes) : IAuditSubject
{
    public string AuditSubject => CaseId;
}

public sealed record NotifyStaffResult(string Queue);

/// <summary>The output of one prior-authorization orchestration: ids, counts and codes.</summary>
public sealed record PriorAuthResult(
    string CaseId,
    PriorAuthOutcome Outcome,
    string? CriteriaKey,
    int CriteriaCount,
    int CriteriaMet,
    bool PacketReady,
    IReadOnlyList<string> Exceptions,
    string? PacketBlob,
    string? SubmissionId,
    bool Escalated,
    string? FailedStep);
