using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Models;

public sealed record AudioPreflightInput(string DictationId, BlobReference Source) : IAuditSubject
{
    public string AuditSubject => DictationId;
}

/// <summary>The facts preflight found; <see cref="ContentChanged"/> when the blob is no longer the one delivered.</summary>
public sealed record AudioPreflightResult(
    AudioVerdict Verdict,
    AudioFormat Format,
    long SizeBytes,
    TimeSpan Duration,
    int SampleRate,
    int Channels,
    TimeSpan Speech,
    string? Reason,
    bool ContentChanged);

public sealed record TranscribeInput(string DictationId) : IAuditSubject
{
    public string AuditSubject => DictationId;
}

public sealed record TranscribeResult(string Engine, bool LowConfidence, int Segments, int Words, TimeSpan Duration);

public sealed record DraftNoteInput(string DictationId) : IAuditSubject
{
    public string AuditSubject => DictationId;
}

/// <summary>How many sentences each part of the draft has, and how many ungrounded sentences were left out.</summary>
public sealed record DraftNoteResult(
    string Engine,
    int Sentences,
    IReadOnlyDictionary<NotePart, int> ByPart,
    int UngroundedDropped,
    string DraftTextBlob);

public sealed record FinalizeNoteInput(
    string DictationId,
    BlobReference Source,
    ApprovalDecision Decision,
    string SignedBy,
    DateTimeOffset SignedAt,
    string? Amendment) : IAuditSubject
{
    public string AuditSubject => DictationId;
}

public sealed record FinalizeNoteResult(string DocumentReferenceBlob, string NoteTextBlob, int Characters);
