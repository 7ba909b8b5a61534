using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Models;

/// <summary>How a file left the pipeline.</summary>
public enum IntakeOutcome
{
    /// <summary>Every document was routed to a staff queue.</summary>
    Completed,

    /// <summary>At least one document went to the review queue.</summary>
    NeedsReview,

    /// <summary>The file was moved to quarantine with a reason; nothing was routed.</summary>
    Quarantined,

    /// <summary>The blob changed or vanished after delivery; the newer content is processed by its own instance.</summary>
    Superseded,
}

/// <summary>
/// Where one document of a file went. Carries ids, types and counts; the record itself is in a blob. A document sent
/// to review carries the reviewer's verdict in <see cref="ReviewStatus"/> once decided, and its final queue.
/// </summary>
public sealed record RoutedDocument(
    int Index,
    int FirstPage,
    int LastPage,
    DocumentType Type,
    double Confidence,
    string Queue,
    bool IsReview,
    IReadOnlyList<string> Reasons,
    string RecordBlob,
    string? ReviewStatus = null);

/// <summary>The output of one records-intake orchestration.</summary>
public sealed record IntakeResult(
    string DocumentId,
    IntakeOutcome Outcome,
    int PageCount,
    string? QuarantineReason,
    string? QuarantineBlob,
    IReadOnlyList<RoutedDocument> Documents);
