namespace HipaaAi.Shared.Reading;

/// <summary>Settings for reading pages on this machine with Tesseract and Poppler; bound from <c>LocalOcr</c>.</summary>
public sealed record LocalOcrOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "LocalOcr";

    /// <summary>The tesseract binary: a name looked up on PATH or a full path (Debian package tesseract-ocr).</summary>
    public string TesseractPath { get; init; } = "tesseract";

    /// <summary>The pdftoppm binary: a name looked up on PATH or a full path (Debian package poppler-utils).</summary>
    public string PdftoppmPath { get; init; } = "pdftoppm";

    /// <summary>Resolution PDF pages are rasterized at; 200 is close to fax fine mode (204x196).</summary>
    public int Dpi { get; init; } = 200;

    /// <summary>Tesseract language, e.g. "eng" (Debian package tesseract-ocr-eng).</summary>
    public string Language { get; init; } = "eng";

    /// <summary>Pages read at once; 0 means one per processor. Each Tesseract run is held to one thread.</summary>
    public int MaxParallelism { get; init; }

    /// <summary>Apply a 3x3 median filter before OCR; it removes fax speckle that breaks numbers apart.</summary>
    public bool Despeckle { get; init; } = true;

    /// <summary>Detect 90/180/270 degree page rotation with Tesseract's orientation detection and correct it.</summary>
    public bool DetectRotation { get; init; } = true;

    /// <summary>
    /// Smallest orientation confidence Tesseract must report before a page is turned; below it the page is read as
    /// it is, because a wrong turn loses the whole page.
    /// </summary>
    public double MinRotationConfidence { get; init; } = 1.0;

    /// <summary>
    /// A first reading at or above this confidence whose words lie horizontally is taken as upright, and orientation
    /// detection (a second Tesseract pass as costly as the first) is skipped for that page. Sideways pages can read
    /// well, so the words' shape decides too; an upside-down page reads as low-confidence garbage.
    /// </summary>
    public double UprightConfidence { get; init; } = 0.6;

    /// <summary>Longest a single tesseract or pdftoppm run may take.</summary>
    public TimeSpan ProcessTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The parallelism actually used.</summary>
    public int EffectiveParallelism => MaxParallelism > 0 ? MaxParallelism : Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting makes no sense.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(TesseractPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(PdftoppmPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(Language);
        ArgumentOutOfRangeException.ThrowIfLessThan(Dpi, 50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dpi, 1200);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxParallelism);
        ArgumentOutOfRangeException.ThrowIfNegative(UprightConfidence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UprightConfidence, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProcessTimeout, TimeSpan.Zero);
    }
}
