using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Understanding;

/// <summary>Recognises a form title near the top of a page and the fax cover sheet layout.</summary>
internal static partial class DocumentTitles
{
    private const int TitleLinesToScan = 4;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline;

    // Declared before the title table: static fields initialise in text order.
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private static readonly (DocumentType Type, Regex Pattern)[] Titles =
    [
        (DocumentType.FaxCoverSheet, FaxTitleRegex()),
        (DocumentType.DischargeSummary, new Regex(@"\bdischarge\s+summary\b", Options, Timeout)),
        (DocumentType.PriorAuthorizationForm,
            new Regex(@"\b(prior\s+(authorization|approval)|pre-?certification)\b", Options, Timeout)),
        (DocumentType.Referral,
            new Regex(@"\breferral\s+(request|form|for\b)|^\s*(specialty\s+|outpatient\s+)?referral\s*$", Options, Timeout)),
        (DocumentType.LabResult, new Regex(@"\b(laboratory\s+report|lab(oratory)?\s+results?|final\s+report\s*-\s*laboratory)\b", Options, Timeout)),
        (DocumentType.ImagingReport,
            new Regex(@"\b(radiology\s+report|imaging\s+report|(mri|ct|x-ray|ultrasound)\s+report)\b", Options, Timeout)),
        (DocumentType.ClinicalNote,
            new Regex(@"\b(progress\s+note|office\s+visit(\s+note)?|clinic\s+note|follow-up\s+visit|history\s+and\s+physical|consultation\s+note)\b", Options, Timeout)),
        (DocumentType.InsuranceCard,
            new Regex(@"\b(member\s+id\s+card|insurance\s+card|identification\s+card|eligibility|coverage\s+verification)\b", Options, Timeout)),
        (DocumentType.ClaimOrEob,
            new Regex(@"\b(explanation\s+of\s+benefits|claim\s+form|cms-1500|professional\s+claim)\b", Options, Timeout)),
        (DocumentType.PayerPolicy,
            new Regex(@"\b(medical\s+policy|coverage\s+policy|coverage\s+guideline|payment\s+policy)\b", Options, Timeout)),
    ];

    /// <summary>The type named by a title in the first few non-empty lines of a page, or null.</summary>
    public static DocumentType? TitleType(string pageText)
    {
        foreach (var line in ClinicalText.Lines(pageText).Where(l => l.Trim().Length > 0).Take(TitleLinesToScan))
        {
            foreach (var (type, pattern) in Titles)
            {
                if (pattern.IsMatch(line))
                {
                    return type;
                }
            }
        }

        return null;
    }

    /// <summary>True when the page is laid out as a fax cover sheet: a fax title and both To and From lines.</summary>
    public static bool IsFaxCover(string pageText)
    {
        var lines = ClinicalText.Lines(pageText).Where(l => l.Trim().Length > 0).ToList();
        return lines.Take(TitleLinesToScan).Any(l => FaxTitleRegex().IsMatch(l))
            && lines.Any(l => ToLineRegex().IsMatch(l))
            && lines.Any(l => FromLineRegex().IsMatch(l));
    }

    /// <summary>True when the page says it continues an earlier page ("(continued)" in the header).</summary>
    public static bool SaysContinued(string pageText) =>
        ClinicalText.Lines(pageText).Where(l => l.Trim().Length > 0).Take(2).Any(l => ContinuedRegex().IsMatch(l));

    /// <summary>Reads a "Page x of y" marker; null when the page has none.</summary>
    public static (int Page, int Of)? PageOf(string pageText)
    {
        var match = PageOfRegex().Match(pageText);
        if (!match.Success)
        {
            return null;
        }

        var page = int.Parse(match.Groups["x"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var of = int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return page >= 1 && page <= of && of <= 500 ? (page, of) : null;
    }

    [GeneratedRegex(@"^\s*(confidential\s+)?(fax|facsimile)(\s+(cover(\s+sheet)?|transmittal|transmission))?\s*$|\bfax\s+cover\b|\bfacsimile\s+(cover|transmittal|transmission)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FaxTitleRegex();

    [GeneratedRegex(@"^\s*to\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToLineRegex();

    [GeneratedRegex(@"^\s*from\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromLineRegex();

    [GeneratedRegex(@"\(\s*continued\s*\)|\bcontinued\s*$|\bcont(\.|inued)\s+from\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContinuedRegex();

    [GeneratedRegex(@"^\s*(?:page\s+(?<x>\d{1,3})\s*(?:of|/)\s*(?<y>\d{1,3})|(?<x>\d{1,3})\s+of\s+(?<y>\d{1,3}))\s*$|\bpage\s+(?<x>\d{1,3})\s+of\s+(?<y>\d{1,3})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex PageOfRegex();
}
