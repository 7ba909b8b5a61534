using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Compliance;

/// <summary>One table written twice: as Markdown in a section and as a CSV file beside it.</summary>
internal sealed record PackTable(
    string CsvFile,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static PackTable Of<T>(
        string csvFile,
        IEnumerable<T> items,
        params (string Header, Func<T, object?> Value)[] columns) =>
        new(csvFile, columns.Select(column => column.Header).ToList(),
            items.Select(item => (IReadOnlyList<string>)columns.Select(column => Format(column.Value(item))).ToList())
                .ToList());

    public string ToMarkdown()
    {
        var markdown = new StringBuilder();
        markdown.AppendLine("| " + string.Join(" | ", Headers.Select(Cell)) + " |");
        markdown.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", Headers.Count)));
        foreach (var row in Rows)
        {
            markdown.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        if (Rows.Count == 0)
        {
            markdown.AppendLine();
            markdown.AppendLine("(none)");
        }

        return markdown.ToString();
    }

    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Headers.Select(Quote))).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    // RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs a cell as a formula.
    private static string Quote(string text)
    {
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : safe;
    }
}
