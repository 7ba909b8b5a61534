namespace HipaaAi.Local.Commands;

/// <summary>Prints result rows as a fixed-width table that fits a terminal.</summary>
public static class ResultsTable
{
    private static readonly string[] Headers =
        ["File", "Doc", "Type", "Conf", "Key fields (masked)", "Queue", "Exceptions", "Outcome"];

    private static readonly int[] MaxWidths = [30, 10, 22, 4, 40, 22, 40, 26];

    public static void Write(TextWriter output, IReadOnlyList<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);

        var cells = rows.Select(row => new[]
        {
            row.File, row.Document, row.Type, row.Confidence, row.KeyFields, row.Queue, row.Exceptions, row.Outcome,
        }).ToList();
        var widths = Headers.Select((header, column) => Math.Min(MaxWidths[column],
            cells.Select(cell => cell[column].Length).Append(header.Length).Max())).ToArray();

        output.WriteLine();
        output.WriteLine(Line(Headers, widths));
        output.WriteLine(string.Join("-+-", widths.Select(width => new string('-', width))));
        foreach (var cell in cells)
        {
            output.WriteLine(Line(cell, widths));
        }

        output.WriteLine();
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, column) => Fit(cell, widths[column])));

    private static string Fit(string value, int width) =>
        value.Length <= width ? value.PadRight(width) : value[..(width - 1)] + "~";
}
