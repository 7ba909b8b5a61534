using System.Text;
using UglyToad.PdfPig.Content;

namespace HipaaAi.Shared.Reading;

/// <summary>Reads the text layer of born-digital PDF pages, grouping words into lines from the top of the page.</summary>
internal static class PdfTextLayer
{
    /// <summary>
    /// Fewer letters than this on a page that also carries an image is a stamp (a fax server's header line, a page
    /// number) over a scan, not the page's text.
    /// </summary>
    public const int MinLettersOverImage = 80;

    /// <summary>
    /// Whether the page's own text can be used instead of OCR: it has letters, and either no image or enough letters
    /// that the text is the page's content rather than a header stamped over a scanned image.
    /// </summary>
    public static bool HasTextLayer(Page page)
    {
        var letters = page.Letters.Count(letter => !string.IsNullOrWhiteSpace(letter.Value));
        return letters > 0 && (letters >= MinLettersOverImage || !page.GetImages().Any());
    }

    public static string ReadText(Page page)
    {
        var words = page.GetWords().Where(word => !string.IsNullOrWhiteSpace(word.Text)).ToList();
        if (words.Count == 0)
            return string.Empty;

        // Sort top to bottom, then start a new line whenever a word's baseline is clearly below the current line's.
        words.Sort((a, b) => b.BoundingBox.Bottom.CompareTo(a.BoundingBox.Bottom));
        var lines = new List<List<Word>>();
        var lineBaseline = double.NaN;
        foreach (var word in words)
        {
            var tolerance = Math.Max(1.0, word.BoundingBox.Height * 0.5);
            if (lines.Count == 0 || Math.Abs(word.BoundingBox.Bottom - lineBaseline) > tolerance)
            {
                lines.Add([]);
                lineBaseline = word.BoundingBox.Bottom;
            }

            lines[^1].Add(word);
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
            text.AppendJoin(' ', line.Select(word => word.Text)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }
}
