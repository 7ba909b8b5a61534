using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Understanding;

/// <summary>Log definitions of the document-understanding engines: counts, sizes and durations, never text.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Document classifier trained on {DocumentCount} synthetic documents in {ElapsedMs} ms")]
    public static partial void ClassifierTrained(this ILogger logger, int documentCount, long elapsedMs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Document classifier loaded from a saved model of {SizeBytes} bytes in {ElapsedMs} ms")]
    public static partial void ClassifierLoaded(this ILogger logger, long sizeBytes, long elapsedMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information,
        Message = "Document classifier model saved ({SizeBytes} bytes)")]
    public static partial void ClassifierSaved(this ILogger logger, long sizeBytes);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "Saved document classifier model could not be read ({ErrorType}); training a new one")]
    public static partial void ClassifierModelUnreadable(this ILogger logger, string errorType);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug,
        Message = "Classified a document of {TextLength} characters as {DocumentType} with confidence {Confidence:F3}")]
    public static partial void DocumentClassified(
        this ILogger logger, int textLength, DocumentType documentType, double confidence);
}
