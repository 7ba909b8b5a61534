namespace HipaaAi.Shared.Audit;

/// <summary>
/// Where audit events go. Writing must be durable before the call returns: a sink that cannot accept an event throws,
/// so the activity that produced it fails and is retried rather than losing the record.
/// </summary>
public interface IAuditSink
{
    Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken);
}
