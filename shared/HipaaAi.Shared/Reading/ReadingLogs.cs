using HipaaAi.Shared.Documents;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Reading;

/// <summary>Log definitions for page reading: page numbers, sources, confidences and durations, never text.</summary>
internal static partial class ReadingLogs
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Read {PageCount} pages ({OcrPageCount} by OCR) of a {Format} file in {ElapsedMs} ms")]
    public static partial void PagesRead(
        this ILogger logger, int pageCount, int ocrPageCount, DocumentFormat format, long elapsedMs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug,
        Message = "Page {PageNumber} read by {Source}: confidence {Confidence:0.000}, rotated {RotationDegrees}, {ElapsedMs} ms")]
    public static partial void PageRead(
        this ILogger logger, int pageNumber, PageTextSource source, double confidence, int rotationDegrees, long elapsedMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning,
        Message = "Orientation detection gave no answer for page {PageNumber} (exit code {ExitCode}); read unturned")]
    public static partial void OrientationUnknown(this ILogger logger, int pageNumber, int exitCode);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error,
        Message = "A private OCR work folder could not be deleted ({ErrorType}); it may still hold page images")]
    public static partial void WorkFolderNotDeleted(this ILogger logger, string errorType);
}
