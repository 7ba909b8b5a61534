using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Documents;

/// <summary>Log definitions for preflight: formats, verdicts, counts, sizes and durations only, never content.</summary>
internal static partial class DocumentLogs
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Preflight finished: format {Format}, verdict {Verdict}, {PageCount} pages, {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void PreflightFinished(
        this ILogger logger, DocumentFormat format, PreflightVerdict verdict, int pageCount, long bytes, long elapsedMs);
}
