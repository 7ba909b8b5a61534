using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Models;

public sealed record ParseClaimsInput(string FileId, BlobReference Source) : IAuditSubject
{
    public string AuditSubject => FileId;
}

/// <summary>One claim of a file, stored on its own in the work container (claim JSON form).</summary>
public sealed record ClaimWork(int Index, ClaimKind Kind, int LineCount, string ClaimBlob);

/// <summary>
/// The parse verdict. A malformed file carries a reason code and the parser's position-only message, never content.
/// </summary>
public sealed record ParseClaimsResult(
    bool Accepted,
    string Format,
    string? Reason,
    string? Detail,
    IReadOnlyList<ClaimWork> Claims);

/// <summary>The input of every per-claim step: which claim of which file, and where it is stored.</summary>
public sealed record ClaimStepInput(string FileId, int Index, string ClaimBlob) : IAuditSubject
{
    public string AuditSubject => $"{FileId}/claim-{Index:D3}";
}

/// <summary>How many findings a step stored for a claim, and the most severe.</summary>
public sealed record FindingsStored(int Count, FindingSeverity? Highest, string FindingsBlob);

/// <summary>The documentation findings and how many of the claim's visits had a note in the records store.</summary>
public sealed record DocumentationStored(int Count, FindingSeverity? Highest, int Visits, int NotesFound,
    string FindingsBlob);

public sealed record WriteReportInput(string FileId, int Index, string ClaimBlob, FindingSeverity Threshold)
    : IAuditSubject
{
    public string AuditSubject => $"{FileId}/claim-{Index:D3}";
}

/// <summary>The findings report of one claim: counts by rule, and the JSON and plain-text report blobs.</summary>
public sealed record ReportWritten(
    int FindingCount,
    FindingSeverity? Highest,
    IReadOnlyDictionary<string, int> FindingsByRule,
    bool NeedsStaffReview,
    string ReportBlob,
    string SummaryBlob);

/// <summary>How a claim leaves the workflow: as received, or as corrected by billing staff.</summary>
public enum ReleaseKind
{
    AsReceived,
    Corrected,
}

public sealed record ReleaseClaimInput(string FileId, int Index, string ClaimBlob, ReleaseKind Kind, string? DecidedBy)
    : IAuditSubject
{
    public string AuditSubject => $"{FileId}/claim-{Index:D3}";
}

/// <summary>Where the released claim went, or why nothing was released.</summary>
public sealed record ReleaseResult(ClaimOutcome Outcome, string? OutboxBlob, string? HeldReason);

public sealed record FinishClaimFileInput(string FileId, BlobReference Source) : IAuditSubject
{
    public string AuditSubject => FileId;
}

public sealed record FinishClaimFileResult(string ArchiveBlob, int WorkBlobsDeleted);

/// <summary>The reference message a released claim is announced with: blob names and counts, never content.</summary>
public sealed record ReleasedClaimMessage(string FileId, int Index, ClaimOutcome Outcome, string ClaimBlob,
    string ReportBlob);
