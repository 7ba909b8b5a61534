namespace HipaaAi.Shared.Audit;

/// <summary>What verification found wrong at the first broken place of a chain.</summary>
public enum ChainProblem
{
    /// <summary>A line is not a chain record (edited into invalid JSON or cut off).</summary>
    Malformed,

    /// <summary>A line carries another sequence number than the next one expected: a line was deleted or moved.</summary>
    SequenceMismatch,

    /// <summary>A line does not link to the hash of the line before it: lines were removed, reordered or replaced.</summary>
    PreviousHashMismatch,

    /// <summary>A line's hash does not match its content: the line was edited.</summary>
    HashMismatch,
}

/// <summary>
/// The result of recomputing a workflow's chain. When broken, <see cref="FirstBrokenSequence"/> is the sequence
/// number that should have come next where verification stopped, with the segment and 1-based line it looked at.
/// </summary>
public sealed record AuditChainVerification(
    Workflow Workflow,
    bool IsIntact,
    long RecordsVerified,
    long? FirstBrokenSequence,
    string? Segment,
    int? Line,
    ChainProblem? Problem);
