using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Audit;

/// <summary>Log definitions for the audit trail: workflows, counts, sizes and status codes only, never event content.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug,
        Message = "Appended {Count} audit records to the {Workflow} chain, last sequence {LastSequence}")]
    public static partial void AuditAppended(ILogger logger, Workflow workflow, int count, long lastSequence);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Completed a cut-off final line of {Workflow} audit segment {Segment}")]
    public static partial void AuditTornLineCompleted(ILogger logger, Workflow workflow, string segment);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Removed an unacknowledged cut-off final line ({Length} characters) of {Workflow} audit segment {Segment}")]
    public static partial void AuditTornLineRemoved(ILogger logger, Workflow workflow, string segment, int length);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "The {Workflow} audit chain is broken at sequence {Sequence} ({Problem})")]
    public static partial void AuditChainBroken(ILogger logger, Workflow workflow, long sequence, ChainProblem problem);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Retention removed {Segments} {Workflow} audit segments holding {Events} records")]
    public static partial void RetentionPurged(ILogger logger, Workflow workflow, int segments, long events);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug,
        Message = "Sent {Rows} audit rows ({Bytes} bytes gzip) to stream {Stream}")]
    public static partial void IngestionBatchSent(ILogger logger, string stream, int rows, int bytes);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning,
        Message = "Audit ingestion failed with status {Status}; {Count} events go to the outbox")]
    public static partial void IngestionFailedToOutbox(ILogger logger, int status, int count);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information,
        Message = "Delivered outbox entry {Entry} with {Count} audit events")]
    public static partial void OutboxEntryDelivered(ILogger logger, string entry, int count);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning,
        Message = "Audit outbox delivery failed with status {Status}; {Pending} entries remain")]
    public static partial void OutboxDeliveryFailed(ILogger logger, int status, int pending);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Error,
        Message = "The audit outbox dispatcher failed unexpectedly ({ExceptionType})")]
    public static partial void OutboxDispatcherFailed(ILogger logger, string exceptionType);
}
