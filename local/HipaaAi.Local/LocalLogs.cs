using Microsoft.Extensions.Logging;

namespace HipaaAi.Local;

/// <summary>Log definitions of the local host: ids, counts and sizes only.</summary>
internal static partial class LocalLogs
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Reusing the storage emulator already running")]
    public static partial void AzuriteReused(ILogger logger);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Started the storage emulator (pid {ProcessId})")]
    public static partial void AzuriteStarted(ILogger logger, int processId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Stopped the storage emulator (pid {ProcessId})")]
    public static partial void AzuriteStopped(ILogger logger, int processId);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning,
        Message = "Inbox {Container}: starting intake failed with {ExceptionType}; will try again")]
    public static partial void InboxStartFailed(ILogger logger, string container, string exceptionType);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Information,
        Message = "Local folder inbox: submitted a {SizeBytes}-byte file to {Container}")]
    public static partial void FolderFileSubmitted(ILogger logger, long sizeBytes, string container);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "Local folder inbox: submitting a file failed with {ExceptionType}; will try again")]
    public static partial void FolderSubmitFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Auto-approver: approval {ApprovalId} answered {Status}")]
    public static partial void AutoDecided(
        ILogger logger, string approvalId, Orchestrations.Approvals.DecisionStatus status);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Warning,
        Message = "Prior-authorization request queue: reading failed with {ExceptionType}; will try again")]
    public static partial void PriorAuthQueueFailed(ILogger logger, string exceptionType);
}
