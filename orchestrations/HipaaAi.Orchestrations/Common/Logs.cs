using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.Common;

/// <summary>Log definitions for orchestrations and activities: ids, counts, sizes and durations only.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug,
        Message = "Instance {InstanceId}: activity {Activity} attempt {Attempt} starting")]
    public static partial void ActivityStarting(ILogger logger, string instanceId, string activity, int attempt);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: activity {Activity} finished with {Outcome} in {ElapsedMs:F0} ms")]
    public static partial void ActivityCompleted(
        ILogger logger, string instanceId, string activity, string outcome, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: activity {Activity} attempt {Attempt} failed with {ExceptionType}")]
    public static partial void ActivityFailed(
        ILogger logger, string instanceId, string activity, int attempt, string exceptionType);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: started records intake for a {SizeBytes}-byte blob from {Inbox}")]
    public static partial void IntakeStarted(ILogger logger, string instanceId, long sizeBytes, string inbox);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: the blob was already delivered; no new orchestration")]
    public static partial void DuplicateDelivery(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: records intake finished with {Outcome}, {Documents} documents, {Pages} pages")]
    public static partial void IntakeFinished(
        ILogger logger, string instanceId, RecordsIntake.Models.IntakeOutcome outcome, int documents, int pages);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: step {Activity} failed after all attempts; quarantining")]
    public static partial void IntakeStepExhausted(ILogger logger, string instanceId, string activity);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: review of document {Index} stopped at {Activity} after all attempts")]
    public static partial void ReviewStepExhausted(ILogger logger, string instanceId, int index, string activity);
}
