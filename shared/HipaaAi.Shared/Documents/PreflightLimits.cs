namespace HipaaAi.Shared.Documents;

/// <summary>Limits a staged file must meet before any reading; bound from the <c>Preflight</c> section.</summary>
public sealed record PreflightLimits
{
    /// <summary>The configuration section these limits are bound from.</summary>
    public const string SectionName = "Preflight";

    /// <summary>Largest accepted file, in bytes (default 200 MB).</summary>
    public long MaxBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Most pages accepted in one file (default 500).</summary>
    public int MaxPages { get; init; } = 500;

    /// <summary>Fewest pixels accepted on either side of a page (default 100); smaller images hold no readable text.</summary>
    public int MinPixels { get; init; } = 100;

    /// <summary>Most pixels accepted on either side of a page (default 10,000), which bounds OCR memory and time.</summary>
    public int MaxPixels { get; init; } = 10_000;

    /// <summary>Resolution PDF pages are measured at, matching the resolution they are rasterized at for OCR.</summary>
    public int PdfRasterDpi { get; init; } = 200;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit makes no sense.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxPages);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinPixels);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPixels, MinPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PdfRasterDpi);
    }
}
