using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Samples;

/// <summary>Log definitions for sample rendering: counts, sizes and durations only.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug,
        Message = "Rasterized {PageCount} PDF pages at {Dpi} dpi in {ElapsedMs} ms")]
    public static partial void PagesRasterized(ILogger logger, int pageCount, int dpi, long elapsedMs);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug,
        Message = "Wrote sample file {FileName}: {ByteCount} bytes, {PageCount} pages")]
    public static partial void SampleFileWritten(ILogger logger, string fileName, long byteCount, int pageCount);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information,
        Message = "Wrote sample set of {FileCount} files ({OcrPageCount} raster pages) in {ElapsedMs} ms")]
    public static partial void SampleSetWritten(ILogger logger, int fileCount, int ocrPageCount, long elapsedMs);
}
