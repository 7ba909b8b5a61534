using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Models;

public sealed record PreflightInput(string DocumentId, BlobReference Source) : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

/// <summary>
/// What preflight found. <see cref="ContentChanged"/> is true when the blob no longer matches what was delivered
/// (rewritten or deleted), in which case the delivered version is not processed.
/// </summary>
public sealed record PreflightResult(
    PreflightVerdict Verdict,
    DocumentFormat Format,
    int PageCount,
    string? Reason,
    bool ContentChanged,
    IReadOnlyList<int> PagesNeedingOcr);

public sealed record ReadPagesInput(string DocumentId, BlobReference Source, DocumentFormat Format, IReadOnlyList<int> Pages)
    : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

/// <summary>Size and quality of one page that was read; its text is in the work container.</summary>
public sealed record PageReadSummary(int Page, int Characters, double Confidence, int Rotation, PageTextSource Source);

public sealed record ReadPagesResult(IReadOnlyList<PageReadSummary> Pages, string Engine);

public sealed record SplitInput(string DocumentId, int PageCount) : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

public sealed record SplitResult(IReadOnlyList<DocumentSegment> Segments);

/// <summary>One document inside a file, addressed by its page range.</summary>
public sealed record SegmentInput(string DocumentId, int Index, int FirstPage, int LastPage) : IAuditSubject
{
    public string AuditSubject => $"{DocumentId}/{Index:D2}";
}

public sealed record ClassifyResult(DocumentType Type, double Confidence, string Engine, bool ContentFiltered);

public sealed record TypedSegmentInput(SegmentInput Segment, DocumentType Type) : IAuditSubject
{
    public string AuditSubject => Segment.AuditSubject;
}

/// <summary>Counts and field names only: the values stay in the work container.</summary>
public sealed record ExtractResult(int FieldCount, IReadOnlyList<string> InvalidFields, bool ContentFiltered);

public sealed record CheckInput(string DocumentId, IReadOnlyList<SegmentType> Segments) : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

public sealed record SegmentType(int Index, int FirstPage, int LastPage, DocumentType Type);

/// <summary>What the packet check found for one document: content-free patient exceptions and missing companions.</summary>
public sealed record SegmentCheck(IReadOnlyList<string> PatientExceptions, IReadOnlyList<MissingCompanion> MissingCompanions)
{
    public static SegmentCheck None { get; } = new([], []);
}

public sealed record CheckResult(IReadOnlyDictionary<int, SegmentCheck> BySegment);

public sealed record SummarizeResult(int Characters, bool ContentFiltered);

public sealed record RouteInput(
    string DocumentId,
    BlobReference Source,
    SegmentType Segment,
    ClassifyResult Classification,
    ExtractResult Extraction,
    SegmentCheck Check,
    IReadOnlyList<string> ExtraReasons,
    string PageEngine) : IAuditSubject
{
    public string AuditSubject => $"{DocumentId}/{Segment.Index:D2}";
}

public sealed record RouteResult(string Queue, bool IsReview, IReadOnlyList<string> Reasons, string RecordBlob);

public sealed record FinishInput(string DocumentId, BlobReference Source) : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

public sealed record FinishResult(string ArchivedBlob, int WorkBlobsDeleted);

public sealed record QuarantineInput(string DocumentId, BlobReference Source, string Reason, string? Detail)
    : IAuditSubject
{
    public string AuditSubject => DocumentId;
}

public sealed record QuarantineResult(string QuarantineBlob);
