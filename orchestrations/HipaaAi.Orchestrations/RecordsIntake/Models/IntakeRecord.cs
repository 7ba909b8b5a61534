using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Models;

/// <summary>Where a record came from.</summary>
public sealed record RecordSource(string Container, string Name, string Sha256);

/// <summary>
/// The structured record of one document, as staff systems read it from the records container. It holds PHI and
/// stays inside the boundary; queues and audit carry only its id.
/// </summary>
public sealed record IntakeRecord(
    string RecordId,
    string DocumentId,
    RecordSource Source,
    int FirstPage,
    int LastPage,
    DocumentType Type,
    double Confidence,
    string ClassifierEngine,
    string ReaderEngine,
    IReadOnlyList<ExtractedField> Fields,
    string Summary,
    IReadOnlyList<string> Exceptions,
    string Queue,
    bool IsReview,
    IReadOnlyList<string> ReviewReasons,
    DateTimeOffset ProcessedAt,
    RecordReview? Review = null);

/// <summary>The message a staff queue receives: a reference to the record and why it is there, never its content.</summary>
public sealed record RecordQueueMessage(
    string RecordId,
    string DocumentId,
    string RecordBlob,
    DocumentType Type,
    bool IsReview,
    IReadOnlyList<string> Reasons);
