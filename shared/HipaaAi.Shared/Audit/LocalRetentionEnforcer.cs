using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Audit;

/// <summary>What one retention pass removed from a workflow's local chain.</summary>
public sealed record RetentionPurgeResult(Workflow Workflow, int SegmentsRemoved, long RecordsRemoved);

/// <summary>
/// Removes whole monthly segments whose every record is older than the workflow's total retention. The chain stays
/// verifiable: a checkpoint keeps the last sequence and hash of the removed segments, and a <c>retention.purged</c>
/// event recording the same values is appended to the chain itself.
/// </summary>
public sealed class LocalRetentionEnforcer
{
    public const string PurgedAction = "retention.purged";

    private readonly AuditChainStore store;
    private readonly IOptionsMonitor<AuditRetentionOptions> retention;
    private readonly ILogger<LocalRetentionEnforcer> logger;

    internal LocalRetentionEnforcer(
        AuditChainStore store, IOptionsMonitor<AuditRetentionOptions> retention, ILogger<LocalRetentionEnforcer> logger)
    {
        this.store = store;
        this.retention = retention;
        this.logger = logger;
    }

    /// <summary>Purges expired segments of every workflow.</summary>
    public async Task<IReadOnlyList<RetentionPurgeResult>> PurgeAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<RetentionPurgeResult>();
        foreach (var workflow in AuditTables.Workflows)
        {
            results.Add(await PurgeExpiredAsync(workflow, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Purges the workflow's expired segments, if any, and records the purge in the chain.</summary>
    public Task<RetentionPurgeResult> PurgeExpiredAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        var policy = retention.CurrentValue.For(workflow);
        return store.WithLockAsync(workflow, () => PurgeLocked(policy), cancellationToken);
    }

    private RetentionPurgeResult PurgeLocked(RetentionPolicy policy)
    {
        var workflow = policy.Workflow;
        var now = store.Time.GetUtcNow();
        var expired = store.ListSegments(workflow).Where(segment => IsExpired(segment, policy, now)).ToList();
        if (expired.Count == 0)
        {
            return new RetentionPurgeResult(workflow, 0, 0);
        }

        var tip = store.ReadCheckpoint(workflow) is { } previous
            ? new ChainTip(previous.LastSequence, previous.LastHash, previous.PurgedThroughSegment)
            : new ChainTip(0, ChainJson.GenesisHash, null);
        var records = 0L;
        foreach (var segment in expired)
        {
            records += File.ReadLines(store.SegmentPath(workflow, segment)).LongCount(line => line.Length > 0);
            var last = store.ReadLastRecord(workflow, segment);
            if (last is not null)
            {
                tip = new ChainTip(last.Sequence, last.Hash, segment);
            }
        }

        // The checkpoint goes down before any file is deleted: a crash in between leaves segments that verification
        // and the next pass both recognise as already purged.
        store.WriteCheckpoint(workflow, new ChainCheckpoint(expired[^1], tip.Sequence, tip.Hash, now));
        foreach (var segment in expired)
        {
            File.Delete(store.SegmentPath(workflow, segment));
        }

        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"segments={expired.Count};records={records};through={expired[^1]};lastSequence={tip.Sequence};lastHash={tip.Hash}");
        store.AppendLocked(workflow,
        [
            new AuditEvent
            {
                Time = now,
                Workflow = workflow,
                InstanceId = "retention-" + now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
                Activity = nameof(LocalRetentionEnforcer),
                Actor = "system:local-retention",
                Subject = "audit-chain:" + AuditTables.SlugFor(workflow),
                Action = PurgedAction,
                Outcome = "Succeeded",
                Detail = detail,
                RetentionClass = policy.RetentionClass,
            },
        ]);

        Logs.RetentionPurged(logger, workflow, expired.Count, records);
        return new RetentionPurgeResult(workflow, expired.Count, records);
    }

    /// <summary>A segment expires when the last moment of its month is older than the total retention.</summary>
    private static bool IsExpired(string segment, RetentionPolicy policy, DateTimeOffset now) =>
        AuditChainStore.TryParseSegment(segment, out var monthStart)
        && monthStart.AddMonths(1).AddDays(policy.TotalDays) <= now;
}
