using System.Globalization;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Reads a record routed to review and states the minimum a reviewer needs on the card: what the document is, a
/// masked patient reference, why it is in review, and a link that opens the full record inside the boundary.
/// </summary>
public sealed class PrepareReviewActivity(DocumentStore store, IOptions<ApprovalOptions> approvals)
    : IWorkflowActivity<RecordReviewInput, RecordReviewCard>
{
    // Reasons are content-free rule texts; the card builder limits values, this keeps a long list readable.
    private const int MaxReasons = 6;

    public async Task<RecordReviewCard> RunAsync(
        RecordReviewInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records,
            WorkBlobs.Record(input.DocumentId, input.Index), cancellationToken).ConfigureAwait(false);

        string? Field(string name) => record.Fields.FirstOrDefault(field => field.Name == name)?.Value;
        var patient = string.Create(CultureInfo.InvariantCulture,
            $"{PhiMask.Name(Field(FieldNames.PatientName))}, born {PhiMask.Date(Field(FieldNames.DateOfBirth))}");
        var pages = record.FirstPage == record.LastPage
            ? string.Create(CultureInfo.InvariantCulture, $"page {record.FirstPage}")
            : string.Create(CultureInfo.InvariantCulture, $"pages {record.FirstPage}-{record.LastPage}");

        List<ApprovalFact> facts =
        [
            new("Document", $"{record.Type}, {pages}"),
            new("Patient", patient),
            new("MRN", PhiMask.Identifier(Field(FieldNames.Mrn))),
            new("Fields found", string.Create(CultureInfo.InvariantCulture,
                $"{record.Fields.Count(field => field.IsValid)} valid, {record.Fields.Count(field => !field.IsValid)} flagged")),
        ];

        execution.ReportOutcome("CardPrepared", record.RecordId);
        return new RecordReviewCard(record.RecordId, $"Review a {record.Type} routed to review", facts,
            [.. record.ReviewReasons.Take(MaxReasons)], approvals.Value.RecordLinkFor(record.RecordId));
    }
}
