namespace HipaaAi.Shared.Documents;

/// <summary>Pixel size of one page (for PDFs, at the resolution pages are rasterized for OCR).</summary>
public sealed record PageGeometry(int PageNumber, int WidthPixels, int HeightPixels, bool HasTextLayer);

/// <summary>The outcome of inspecting a file before any reading; <paramref name="Reason"/> never carries content.</summary>
public sealed record PreflightReport(
    DocumentFormat Format,
    PreflightVerdict Verdict,
    int PageCount,
    string? Reason,
    IReadOnlyList<PageGeometry> Pages)
{
    public bool IsAccepted => Verdict == PreflightVerdict.Accepted;

    public static PreflightReport Rejected(DocumentFormat format, PreflightVerdict verdict, string reason) =>
        new(format, verdict, 0, reason, []);
}
