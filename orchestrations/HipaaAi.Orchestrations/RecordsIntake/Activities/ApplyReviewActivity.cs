using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Applies a reviewer's verdict to a record: an approved record is released to the staff queue of its type, a
/// rejected one goes nowhere further, an expired or undelivered one stays in the review queue. The decision, who made
/// it and their comment are kept on the record. Safe to repeat: a record already released is not enqueued again.
/// </summary>
public sealed class ApplyReviewActivity(DocumentStore store, RoutingRules routing)
    : IWorkflowActivity<ApplyReviewInput, ApplyReviewResult>
{
    private const string ReviewedMarker = "reviewed";

    public async Task<ApplyReviewResult> RunAsync(
        ApplyReviewInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var recordBlob = WorkBlobs.Record(input.DocumentId, input.Index);
        var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, recordBlob, cancellationToken)
            .ConfigureAwait(false);

        var status = StatusOf(input);
        var releaseQueue = status == ReviewStatuses.Approved ? routing.QueueFor(record.Type) : null;
        var reviewed = record with
        {
            Queue = releaseQueue ?? record.Queue,
            Review = new RecordReview(status, input.DecidedBy, input.Comment, input.DecidedAt, releaseQueue),
        };

        var blob = store.Container(StorageNames.Records).GetBlobClient(recordBlob);
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!properties.Value.Metadata.ContainsKey(ReviewedMarker))
        {
            await store.WriteJsonAsync(StorageNames.Records, recordBlob, reviewed, properties.Value.Metadata,
                cancellationToken).ConfigureAwait(false);
            if (releaseQueue is not null)
            {
                var message = new RecordQueueMessage(record.RecordId, record.DocumentId,
                    $"{StorageNames.Records}/{recordBlob}", record.Type, false, [$"review:{status}"]);
                await store.EnqueueAsync(releaseQueue, message, cancellationToken).ConfigureAwait(false);
            }

            var metadata = new Dictionary<string, string>(properties.Value.Metadata) { [ReviewedMarker] = status };
            await store.WriteJsonAsync(StorageNames.Records, recordBlob, reviewed, metadata, cancellationToken)
                .ConfigureAwait(false);
        }

        execution.ReportOutcome(status, releaseQueue ?? record.Queue);
        return new ApplyReviewResult(status, releaseQueue ?? record.Queue);
    }

    private static string StatusOf(ApplyReviewInput input) => input.Verdict switch
    {
        ApprovalVerdict.Decided when input.Decision is ApprovalDecision.Reject => ReviewStatuses.Rejected,
        ApprovalVerdict.Decided => ReviewStatuses.Approved,
        ApprovalVerdict.Expired => ReviewStatuses.Expired,
        _ => ReviewStatuses.Undelivered,
    };
}
