using HipaaAi.Shared.Billing;

namespace HipaaAi.Orchestrations.BillingReview.Models;

/// <summary>How a claim file left billing review.</summary>
public enum ClaimFileOutcome
{
    /// <summary>Every claim was decided: released, corrected, rejected or held (see each claim).</summary>
    Completed,

    /// <summary>The file could not be read (or a step failed on every attempt): in quarantine with the reason.</summary>
    Quarantined,
}

/// <summary>What happened to one claim.</summary>
public enum ClaimOutcome
{
    /// <summary>Written to the outbox as received: clean, or approved by billing staff.</summary>
    Released,

    /// <summary>Billing staff chose edit-and-approve and the corrected claim was written to the outbox.</summary>
    Corrected,

    /// <summary>Billing staff rejected it; nothing went to the outbox.</summary>
    Rejected,

    /// <summary>No decision (the approval expired or was undelivered), or the corrected claim was missing.</summary>
    Held,
}

/// <summary>
/// One claim's result. Carries the claim's position in its file, counts, rule ids and blob names; never the claim id
/// (CLM01 is the provider's patient account number), codes with patient context, or note text.
/// </summary>
public sealed record ClaimResult(
    int Index,
    ClaimKind Kind,
    int LineCount,
    int FindingCount,
    FindingSeverity? HighestSeverity,
    IReadOnlyDictionary<string, int> FindingsByRule,
    bool StaffReviewed,
    string? Decision,
    ClaimOutcome Outcome,
    string ReportBlob,
    string? OutboxBlob);

/// <summary>The output of one billing-review orchestration.</summary>
public sealed record BillingResult(
    string FileId,
    ClaimFileOutcome Outcome,
    string? Format,
    string? QuarantineReason,
    string? QuarantineBlob,
    IReadOnlyList<ClaimResult> Claims);
