using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Audit;

/// <summary>
/// The local audit sink: an append-only, hash-chained JSON Lines log per workflow. Each write is on disk (written
/// through and flushed) before the call returns; writers in this and other processes take turns on the chain, and
/// a restarted process continues from the last record on disk.
/// </summary>
public sealed class HashChainedAuditLog : IAuditSink
{
    private readonly AuditChainStore store;
    private readonly ILogger<HashChainedAuditLog> logger;

    internal HashChainedAuditLog(AuditChainStore store, ILogger<HashChainedAuditLog> logger)
    {
        this.store = store;
        this.logger = logger;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);

        foreach (var group in events.GroupBy(auditEvent => auditEvent.Workflow))
        {
            var batch = group.ToList();
            await AppendAsync(group.Key, batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Appends events of one workflow and returns them as chained records.</summary>
    public Task<IReadOnlyList<AuditRecord>> AppendAsync(
        Workflow workflow, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Any(auditEvent => auditEvent.Workflow != workflow))
        {
            throw new ArgumentException("Every event must belong to the workflow of the chain.", nameof(events));
        }

        if (events.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([]);
        }

        return store.WithLockAsync(
            workflow,
            () =>
            {
                var records = store.AppendLocked(workflow, events);
                Logs.AuditAppended(logger, workflow, records.Count, records[^1].Sequence);
                return records;
            },
            cancellationToken);
    }
}
