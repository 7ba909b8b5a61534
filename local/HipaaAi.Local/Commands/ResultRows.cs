using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Local.Commands;

/// <summary>One line of the results table: a document of a file, or the file itself when nothing was routed.</summary>
public sealed record ResultRow(
    string File,
    string Document,
    string Type,
    string Confidence,
    string KeyFields,
    string Queue,
    string Exceptions,
    string Outcome);

/// <summary>Builds the results table from orchestration results and the records they wrote.</summary>
public static class ResultRows
{
    public static async Task<IReadOnlyList<ResultRow>> BuildAsync(
        DocumentStore store,
        IReadOnlyList<FinishedFile> finished,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finished);

        var rows = new List<ResultRow>();
        foreach (var item in finished)
        {
            var result = item.Result;
            if (result is null)
            {
                rows.Add(new ResultRow(item.File.Name, "-", "-", "-", "-", "-", "-", item.RuntimeStatus));
                continue;
            }

            if (result.Documents.Count == 0)
            {
                var reason = result.QuarantineReason ?? "-";
                rows.Add(new ResultRow(item.File.Name, "-", "-", "-", "-", "-", reason, result.Outcome.ToString()));
                continue;
            }

            foreach (var document in result.Documents)
            {
                var record = await ReadRecordAsync(store, document.RecordBlob, cancellationToken).ConfigureAwait(false);
                rows.Add(new ResultRow(
                    item.File.Name,
                    $"{document.Index} (p{document.FirstPage}-{document.LastPage})",
                    document.Type.ToString(),
                    document.Confidence.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
                    record is null ? "-" : MaskedKeyFields(record.Fields),
                    document.Queue,
                    document.Reasons.Count == 0 ? "-" : string.Join("; ", document.Reasons),
                    OutcomeOf(document)));
            }
        }

        return rows;
    }

    private static string OutcomeOf(RoutedDocument document) => document switch
    {
        { IsReview: false } => "Routed",
        { ReviewStatus: null } => "Review",
        { ReviewStatus: ReviewStatuses.Awaiting } => "Review (awaiting decision)",
        { ReviewStatus: var status } => $"Review: {status}",
    };

    /// <summary>Patient initials, birth year and the last digits of the MRN: enough to recognise, not to identify.</summary>
    public static string MaskedKeyFields(IReadOnlyList<ExtractedField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        string? First(string name) => fields.FirstOrDefault(field => field.Name == name)?.Value;
        var parts = new List<string>();
        if (First(FieldNames.PatientName) is { } name)
        {
            parts.Add(PhiMask.Name(name));
        }

        if (First(FieldNames.DateOfBirth) is { } birth)
        {
            parts.Add("DOB " + PhiMask.Date(birth));
        }

        if (First(FieldNames.Mrn) is { } mrn)
        {
            parts.Add("MRN " + PhiMask.Identifier(mrn));
        }

        var codes = fields.Count(field => field.Name is FieldNames.Icd10Codes or FieldNames.CptHcpcsCodes);
        if (codes > 0)
        {
            parts.Add($"{codes} codes");
        }

        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    private static async Task<IntakeRecord?> ReadRecordAsync(DocumentStore store, string recordBlob, CancellationToken token)
    {
        var separator = recordBlob.IndexOf('/', StringComparison.Ordinal);
        var container = recordBlob[..separator];
        var name = recordBlob[(separator + 1)..];
        return await store.ExistsAsync(container, name, token).ConfigureAwait(false)
            ? await store.ReadJsonAsync<IntakeRecord>(container, name, token).ConfigureAwait(false)
            : null;
    }
}
