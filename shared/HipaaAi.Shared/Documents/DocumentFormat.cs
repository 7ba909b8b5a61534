namespace HipaaAi.Shared.Documents;

/// <summary>The real format of a file, read from its leading bytes rather than trusted from its name.</summary>
public enum DocumentFormat
{
    Unknown,
    Pdf,
    Tiff,
    Png,
    Jpeg,
    Gif,
    Bmp,
    /// <summary>A ZIP container: Office documents (.docx, .xlsx) and other archives.</summary>
    Zip,
    /// <summary>HEIC/HEIF or other ISO base-media images that phones produce.</summary>
    Heif,
    /// <summary>Legacy Office compound files (.doc, .xls).</summary>
    OleCompound,
    Text,
}
