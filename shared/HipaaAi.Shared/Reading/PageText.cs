namespace HipaaAi.Shared.Reading;

/// <summary>Where the words of a page came from.</summary>
public enum PageTextSource
{
    TextLayer,
    Ocr,
    DocumentIntelligence,
}

/// <summary>
/// The text of one page. Confidence is 0..1 (1 for an exact text layer); rotation is the clockwise correction, in
/// degrees, that was applied before reading.
/// </summary>
public sealed record PageText(
    int PageNumber,
    string Text,
    double Confidence,
    int RotationDegrees,
    PageTextSource Source);
