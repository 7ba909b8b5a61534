using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Reading;

/// <summary>
/// The words Tesseract found on a page, as lines of text, their mean confidence (0..1), and the share of words whose
/// box is wider than tall (0..1): words of a sideways page stand upright in the image even when they read well.
/// </summary>
internal sealed record OcrResult(string Text, double Confidence, int WordCount, double HorizontalShare);

/// <summary>Parses Tesseract's TSV and orientation-detection output.</summary>
internal static class TesseractOutput
{
    private const int WordLevel = 5;

    // Words this short (an "I", a "1.") are as tall as they are wide whichever way the page lies.
    private const int ShapeTellingWordLength = 3;

    /// <summary>
    /// Builds text from TSV rows: words joined by spaces, one line per Tesseract line, a blank line between blocks.
    /// The confidence is the mean of the word confidences Tesseract reports (0..100, scaled to 0..1).
    /// </summary>
    public static OcrResult ParseTsv(string tsv)
    {
        var text = new StringBuilder();
        var confidenceSum = 0.0;
        var wordCount = 0;
        var shapedWords = 0;
        var horizontalWords = 0;
        (int Block, int Paragraph, int Line)? current = null;

        foreach (var row in tsv.Split('\n'))
        {
            var fields = row.TrimEnd('\r').Split('\t');
            if (fields.Length < 12 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var level)
                || level != WordLevel)
            {
                continue;
            }

            var word = fields[11].Trim();
            if (word.Length == 0
                || !double.TryParse(fields[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence)
                || confidence < 0)
            {
                continue;
            }

            var position = (Block: ParseInt(fields[2]), Paragraph: ParseInt(fields[3]), Line: ParseInt(fields[4]));
            if (current is { } previous)
            {
                if (previous.Block != position.Block)
                    text.Append("\n\n");
                else if (previous != position)
                    text.Append('\n');
                else
                    text.Append(' ');
            }

            text.Append(word);
            current = position;
            confidenceSum += confidence;
            wordCount++;

            if (word.Length >= ShapeTellingWordLength)
            {
                shapedWords++;
                if (ParseInt(fields[8]) > ParseInt(fields[9]))
                    horizontalWords++;
            }
        }

        var mean = wordCount == 0 ? 0.0 : Math.Clamp(confidenceSum / wordCount / 100.0, 0.0, 1.0);
        var horizontalShare = shapedWords == 0 ? 0.0 : (double)horizontalWords / shapedWords;
        return new OcrResult(text.ToString(), mean, wordCount, horizontalShare);
    }

    /// <summary>
    /// Reads the clockwise turn that makes the page upright ("Rotate:") and its confidence from <c>--psm 0</c>
    /// output; null when Tesseract gave no answer.
    /// </summary>
    public static (int RotateDegrees, double Confidence)? ParseOrientation(string output)
    {
        int? rotate = null;
        var confidence = 0.0;
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
                continue;

            if (parts[0] == "Rotate" && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var degrees))
                rotate = degrees;
            else if (parts[0] == "Orientation confidence")
                _ = double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out confidence);
        }

        return rotate is { } value && value % 90 == 0 ? (((value % 360) + 360) % 360, confidence) : null;
    }

    /// <summary>The language codes <c>tesseract --list-langs</c> prints, one per line after a heading.</summary>
    public static IReadOnlySet<string> ParseLanguages(string output) =>
        output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.Contains(' ', StringComparison.Ordinal) && !line.EndsWith(':'))
            .ToHashSet(StringComparer.Ordinal);

    private static int ParseInt(string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var number) ? number : 0;
}
