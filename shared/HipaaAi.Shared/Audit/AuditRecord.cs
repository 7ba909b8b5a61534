namespace HipaaAi.Shared.Audit;

/// <summary>
/// One line of the local hash chain: the event with its place in the chain. <see cref="Hash"/> is
/// SHA-256(<see cref="PreviousHash"/> + "\n" + canonical JSON of sequence, recorded time and event), lower-case hex.
/// </summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset RecordedAt,
    string PreviousHash,
    string Hash,
    AuditEvent Event);
