namespace HipaaAi.Orchestrations.Dictation.Models;

/// <summary>How a dictation ended.</summary>
public enum DictationOutcome
{
    /// <summary>A provider signed the note; the DocumentReference and the text are in the outbox.</summary>
    Finalized,

    /// <summary>The provider rejected the draft; nothing went to the EHR.</summary>
    Rejected,

    /// <summary>Nobody signed before the review timed out, or no signer could be reached.</summary>
    NoDecision,

    /// <summary>The recording could not be used; the reason is in the quarantine blob's metadata.</summary>
    Quarantined,

    /// <summary>The blob was rewritten or deleted after delivery; the newer delivery is processed instead.</summary>
    Superseded,
}

/// <summary>What one dictation produced: counts, engines, the signer and blob references, never content.</summary>
public sealed record DictationResult(
    string DictationId,
    DictationOutcome Outcome,
    string? Reason,
    TimeSpan Duration,
    int Words,
    string? TranscriptEngine,
    bool LowConfidence,
    int NoteSentences,
    string? SignedBy,
    string? DocumentReferenceBlob,
    string? NoteTextBlob,
    string? QuarantineBlob);
