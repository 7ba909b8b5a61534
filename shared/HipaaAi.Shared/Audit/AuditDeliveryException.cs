namespace HipaaAi.Shared.Audit;

/// <summary>
/// Audit events could not be delivered after retries. <see cref="Undelivered"/> lists the events that did not
/// arrive (earlier batches of the same call may have), so a fallback keeps exactly those.
/// </summary>
public sealed class AuditDeliveryException : Exception
{
    public AuditDeliveryException(
        string stream, int status, IReadOnlyList<AuditEvent> undelivered, Exception? innerException = null)
        : base($"Audit ingestion to stream {stream} failed with status {status}; {undelivered.Count} events undelivered.",
            innerException)
    {
        Stream = stream;
        Status = status;
        Undelivered = undelivered;
    }

    public string Stream { get; }

    /// <summary>The HTTP status of the last attempt, or 0 when no response came (connection refused, timeout).</summary>
    public int Status { get; }

    public IReadOnlyList<AuditEvent> Undelivered { get; }
}
