using System.Globalization;
using System.Net;
using System.Text;
using HipaaAi.Orchestrations.RecordsIntake.Models;

namespace HipaaAi.Orchestrations.RecordsIntake;

/// <summary>
/// The page a card's record link opens: every field with its page and evidence, the summary, the exceptions and the
/// review. Self-contained HTML, every value encoded, nothing loaded from elsewhere; served with no-store caching.
/// </summary>
public static class RecordPage
{
    public static string Render(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Record</title>
            <meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
            td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}</style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture,
            $"<h1>{E(record.Type.ToString())} — {E(record.RecordId)}</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Pages {record.FirstPage}-{record.LastPage}; confidence {record.Confidence:F2}; queue {E(record.Queue)}; ");
        html.Append(CultureInfo.InvariantCulture,
            $"processed {record.ProcessedAt:u} by {E(record.ClassifierEngine)} / {E(record.ReaderEngine)}</p>");

        html.Append("<h2>Fields</h2><table><tr><th>field</th><th>value</th><th>page</th><th>evidence</th><th>check</th></tr>");
        foreach (var field in record.Fields)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(field.Name)}</td><td>{E(field.Value)}</td><td>{field.Page}</td>" +
                $"<td>{E(field.Evidence)}</td><td>{(field.IsValid ? "ok" : E(field.Problem))}</td></tr>");
        }

        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>Summary</h2><p>{E(record.Summary)}</p>");
        AppendList(html, "Exceptions", record.Exceptions);
        AppendList(html, "Why it went to review", record.ReviewReasons);
        if (record.Review is { } review)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<h2>Review</h2><p>{E(review.Status)} by {E(review.DecidedBy)} at {review.DecidedAt:u}; " +
                $"released to {E(review.ReleasedToQueue ?? "-")}</p><p>{E(review.Comment)}</p>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendList(StringBuilder html, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{WebUtility.HtmlEncode(title)}</h2><ul>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(item)}</li>");
        }

        html.Append("</ul>");
    }
}
