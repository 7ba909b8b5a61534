using System.Text;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Audit;

/// <summary>Queries and verifies the local hash-chained audit trail.</summary>
public sealed class AuditTrailReader
{
    private readonly AuditChainStore store;
    private readonly ILogger<AuditTrailReader> logger;

    internal AuditTrailReader(AuditChainStore store, ILogger<AuditTrailReader> logger)
    {
        this.store = store;
        this.logger = logger;
    }

    /// <summary>
    /// The records matching <paramref name="query"/>, in chain order. A final line still being written by another
    /// writer is left out.
    /// </summary>
    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);

        var matches = new List<AuditRecord>();
        foreach (var segment in store.ListSegments(query.Workflow))
        {
            await foreach (var (line, _, complete) in ReadLinesAsync(query.Workflow, segment, cancellationToken)
                               .ConfigureAwait(false))
            {
                var record = complete ? ChainJson.TryParse(line) : null;
                if (record is not null && query.Matches(record.Event))
                {
                    matches.Add(record);
                }
            }
        }

        return matches;
    }

    /// <summary>
    /// Recomputes the whole chain of a workflow from its start (or the retention checkpoint) and reports the first
    /// edited, deleted or reordered record. Holds the chain while it reads so the result is a consistent snapshot.
    /// </summary>
    public Task<AuditChainVerification> VerifyAsync(Workflow workflow, CancellationToken cancellationToken) =>
        store.WithLockAsync(workflow, () => VerifyLocked(workflow, cancellationToken), cancellationToken);

    private AuditChainVerification VerifyLocked(Workflow workflow, CancellationToken cancellationToken)
    {
        var checkpoint = store.ReadCheckpoint(workflow);
        var expectedSequence = (checkpoint?.LastSequence ?? 0) + 1;
        var expectedPrevious = checkpoint?.LastHash ?? ChainJson.GenesisHash;
        var verified = 0L;

        foreach (var segment in store.ListSegments(workflow))
        {
            if (checkpoint is not null && string.CompareOrdinal(segment, checkpoint.PurgedThroughSegment) <= 0)
            {
                continue; // Retention recorded it as purged; only its deletion was interrupted.
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(store.SegmentPath(workflow, segment), Encoding.UTF8))
            {
                cancellationToken.ThrowIfCancellationRequested();
                lineNumber++;
                var problem = Check(line, expectedSequence, expectedPrevious, out var record);
                if (problem is not null)
                {
                    Logs.AuditChainBroken(logger, workflow, expectedSequence, problem.Value);
                    return new AuditChainVerification(
                        workflow, false, verified, expectedSequence, segment, lineNumber, problem);
                }

                verified++;
                expectedSequence = record!.Sequence + 1;
                expectedPrevious = record.Hash;
            }
        }

        return new AuditChainVerification(workflow, true, verified, null, null, null, null);
    }

    private static ChainProblem? Check(string line, long expectedSequence, string expectedPrevious, out AuditRecord? record)
    {
        record = ChainJson.TryParse(line);
        if (record is null)
        {
            return ChainProblem.Malformed;
        }

        if (record.Sequence != expectedSequence)
        {
            return ChainProblem.SequenceMismatch;
        }

        if (!string.Equals(record.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return ChainProblem.PreviousHashMismatch;
        }

        return ChainJson.HashMatches(record) ? null : ChainProblem.HashMismatch;
    }

    private async IAsyncEnumerable<(string Line, int Number, bool Complete)> ReadLinesAsync(
        Workflow workflow,
        string segment,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(store.SegmentPath(workflow, segment), FileMode.Open, FileAccess.Read,
            FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            var length = stream.Length;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var number = 0;
            long consumed = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                number++;
                consumed += Encoding.UTF8.GetByteCount(line) + 1;
                yield return (line, number, consumed <= length);
            }
        }
    }
}
