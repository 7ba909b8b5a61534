using HipaaAi.Orchestrations.BillingReview.Models;

namespace HipaaAi.Local.Commands;

/// <summary>Prints one row per claim (and one per quarantined file) with its findings by rule.</summary>
public static class BillingTable
{
    private static readonly string[] Headers =
        ["File", "Claim", "Type", "Findings by rule", "Highest", "Staff", "Outcome"];

    private static readonly int[] MaxWidths = [28, 5, 4, 70, 7, 14, 11];

    public static void Write(TextWriter output, IReadOnlyList<BillingFileRun> runs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(runs);

        var cells = runs.SelectMany(Rows).ToList();
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
        foreach (var run in runs.Where(run => run.Result?.Outcome == ClaimFileOutcome.Quarantined))
        {
            output.WriteLine($"{run.Name}: quarantined ({run.Result!.QuarantineReason}) {run.QuarantineDetail}");
        }
    }

    private static IEnumerable<string[]> Rows(BillingFileRun run)
    {
        if (run.Result is null)
        {
            return [[run.Name, "-", "-", "-", "-", "-", run.RuntimeStatus]];
        }

        if (run.Result.Outcome == ClaimFileOutcome.Quarantined)
        {
            return [[run.Name, "-", "-", run.Result.QuarantineReason ?? "-", "-", "-", "Quarantined"]];
        }

        return run.Result.Claims.Select(claim => new[]
        {
            run.Name,
            claim.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            claim.Kind == HipaaAi.Shared.Billing.ClaimKind.Professional ? "837P" : "837I",
            claim.FindingsByRule.Count == 0 ? "none"
                : string.Join(", ", claim.FindingsByRule.Select(rule => $"{rule.Key} x{rule.Value}")),
            claim.HighestSeverity?.ToString() ?? "-",
            claim.StaffReviewed ? claim.Decision ?? "waiting" : "not needed",
            claim.Outcome.ToString(),
        });
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join(" | ", cells.Select((cell, column) => Fit(cell, widths[column])));

    private static string Fit(string value, int width) =>
        value.Length <= width ? value.PadRight(width) : value[..(width - 1)] + "~";
}
