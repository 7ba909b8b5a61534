using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Audit;

/// <summary>
/// Delivers to the ingestion sink and, when it is down, keeps the undelivered events in the outbox for
/// <see cref="AuditOutboxDispatcher"/>. The call fails only when neither accepted the events, so the activity retries.
/// </summary>
public sealed class OutboxedAuditSink(
    LogsIngestionAuditSink ingestion, IAuditOutbox outbox, ILogger<OutboxedAuditSink> logger) : IAuditSink
{
    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            await ingestion.WriteAsync(events, cancellationToken).ConfigureAwait(false);
        }
        catch (AuditDeliveryException ex)
        {
            Logs.IngestionFailedToOutbox(logger, ex.Status, ex.Undelivered.Count);
            await outbox.AddAsync(ex.Undelivered, cancellationToken).ConfigureAwait(false);
        }
    }
}
