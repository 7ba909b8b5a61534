using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Audit;

/// <summary>
/// Delivers outbox entries oldest first on a timer. An entry is removed only after all its events arrived; when
/// part of an entry arrived, the rest is stored as a new entry before the old one goes, so nothing is sent twice
/// by the outbox and nothing is lost.
/// </summary>
public sealed class AuditOutboxDispatcher(
    IAuditOutbox outbox,
    LogsIngestionAuditSink ingestion,
    IOptions<AuditOutboxOptions> options,
    ILogger<AuditOutboxDispatcher> logger) : BackgroundService
{
    /// <summary>One delivery pass; returns how many entries were delivered. Stops at the first failure.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var entries = await outbox.ListAsync(options.Value.MaxEntriesPerPass, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var entry in entries)
        {
            var events = await outbox.ReadAsync(entry, cancellationToken).ConfigureAwait(false);
            try
            {
                await ingestion.WriteAsync(events, cancellationToken).ConfigureAwait(false);
            }
            catch (AuditDeliveryException ex)
            {
                if (ex.Undelivered.Count < events.Count)
                {
                    await outbox.AddAsync(ex.Undelivered, cancellationToken).ConfigureAwait(false);
                    await outbox.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                }

                Logs.OutboxDeliveryFailed(logger, ex.Status, entries.Count - delivered);
                return delivered;
            }

            await outbox.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            Logs.OutboxEntryDelivered(logger, entry.Id, events.Count);
            delivered++;
        }

        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DispatchInterval);
        do
        {
            try
            {
                await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep the dispatcher alive: the entries stay stored and the next pass tries again.
                Logs.OutboxDispatcherFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
