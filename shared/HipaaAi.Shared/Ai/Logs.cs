using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Ai;

/// <summary>Log events of the Azure AI clients: counts, sizes, durations and outcome codes, never text.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Document analysis submitted for {PageCount} pages ({ByteCount} bytes)")]
    public static partial void AnalyzeStarted(ILogger logger, int pageCount, int byteCount);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Document analysis returned {PageCount} pages in {ElapsedMs} ms")]
    public static partial void AnalyzeCompleted(ILogger logger, int pageCount, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Document analysis ended as {Outcome} after {ElapsedMs} ms")]
    public static partial void AnalyzeFailed(ILogger logger, string outcome, long elapsedMs);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information,
        Message = "Chat {Operation} on {Deployment} used {InputTokens} input and {OutputTokens} output tokens " +
                  "in {ElapsedMs} ms")]
    public static partial void ChatCompleted(
        ILogger logger, string operation, string deployment, int inputTokens, int outputTokens, long elapsedMs);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning,
        Message = "Chat {Operation} on {Deployment} ended as {Outcome} after {ElapsedMs} ms")]
    public static partial void ChatFailed(
        ILogger logger, string operation, string deployment, string outcome, long elapsedMs);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Information,
        Message = "Extraction kept {KeptCount} of {ProposedCount} fields; the rest were not found on their cited page")]
    public static partial void FieldsGrounded(ILogger logger, int keptCount, int proposedCount);
}
