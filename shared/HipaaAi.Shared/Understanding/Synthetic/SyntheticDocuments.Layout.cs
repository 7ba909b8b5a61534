using System.Globalization;

namespace HipaaAi.Shared.Understanding.Synthetic;

public sealed partial class SyntheticDocuments
{
    private static readonly string[] PageFooterFormats = ["Page {0} of {1}", "Page {0}/{1}", "{0} of {1}", "PAGE {0} OF {1}"];

    /// <summary>
    /// Lays blocks of lines out on pages. Blocks are never split; continuation pages get a running header; a
    /// "Page x of y" footer is printed on multi-page documents (and on some single pages).
    /// </summary>
    private SyntheticDocument Build(
        DocumentContext context,
        DocumentType type,
        string title,
        IReadOnlyList<IReadOnlyList<string>> blocks,
        bool namesPatient,
        bool singlePage = false)
    {
        var maxLines = singlePage ? int.MaxValue : Between(20, 34);
        var pages = new List<List<string>> { new() };
        foreach (var block in blocks.Where(b => b.Count > 0))
        {
            if (pages[^1].Count > 0 && pages[^1].Count + block.Count + 1 > maxLines)
            {
                pages.Add([]);
            }

            if (pages[^1].Count > 0)
            {
                pages[^1].Add(string.Empty);
            }

            pages[^1].AddRange(block);
        }

        var footerFormat = Pick(PageFooterFormats);
        var printFooter = pages.Count > 1 || Chance(0.4);
        var headerStyle = namesPatient ? Between(0, 2) : 0;
        var texts = new List<string>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var lines = new List<string>();
            if (i > 0)
            {
                lines.Add(ContinuationHeader(context, title, headerStyle));
                lines.Add(string.Empty);
            }

            lines.AddRange(pages[i]);
            lines.Add(string.Empty);
            if (printFooter)
            {
                lines.Add(string.Format(CultureInfo.InvariantCulture, footerFormat, i + 1, pages.Count));
            }

            lines.Add(SyntheticMarker);
            texts.Add(string.Join('\n', lines));
        }

        return new SyntheticDocument(type, title, texts, context.FrozenTruth(), namesPatient ? context.Patient : null);
    }

    private static string ContinuationHeader(DocumentContext context, string title, int style)
    {
        switch (style)
        {
            case 1:
                context.ExpectPatient(dob: true);
                return $"Patient: {context.PatientName()}    DOB: {context.Date(context.Patient.DateOfBirth)}";
            case 2:
                context.ExpectPatient(dob: false, mrn: true);
                return $"{title} - {context.PatientName()} - MRN {context.Patient.Mrn}";
            default:
                return $"{title} (continued)";
        }
    }

    private static string[] Lines(params string[] lines) => lines;

    private static string[] Paragraph(string heading, string text) => [heading, .. Wrap(text, 96)];

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
