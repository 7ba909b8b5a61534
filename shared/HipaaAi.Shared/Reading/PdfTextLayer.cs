using System.Text;
using UglyToad.PdfPig.Content;

namespace HipaaAi.Shared.Reading;

/// <summary>Reads the text layer of born-digital PDF pages, grouping words into lines from the top of the page.</summary>
internal static class PdfTextLayer
{
    /// <summary>A page with at least one visible letter has a text layer; a page without letters needs OCR.</summary>
    public static bool HasLetters(Page page) => page.Letters.Any(letter => !string.IsNullOrWhiteSpace(letter.Value));

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
