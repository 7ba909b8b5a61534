using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Writes the structured record of one document to the records container and puts a reference to it on the staff
/// queue its type routes to, or on the review queue with the reasons. Safe to repeat: a record already routed by an
/// earlier attempt is not enqueued again.
/// </summary>
public sealed class RouteActivity(DocumentStore store, RoutingRules routing, TimeProvider timeProvider)
    : IWorkflowActivity<RouteInput, RouteResult>
{
    private const string RoutedMarker = "routed";

    public async Task<RouteResult> RunAsync(RouteInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var segment = input.Segment;
        var fields = await store.ReadJsonAsync<List<ExtractedField>>(StorageNames.Work,
            WorkBlobs.Fields(input.DocumentId, segment.Index), cancellationToken).ConfigureAwait(false);
        var summary = await store.ReadJsonAsync<SummaryNote>(StorageNames.Work,
            WorkBlobs.Summary(input.DocumentId, segment.Index), cancellationToken).ConfigureAwait(false);

        var decision = Decide(input, fields);
        var exceptions = input.Check.PatientExceptions
            .Concat(input.Check.MissingCompanions.Select(gap => $"missing companion document: {gap.Requirement}"))
            .Concat(input.ExtraReasons)
            .ToList();
        var recordId = $"{input.DocumentId}-{segment.Index:D2}";
        var recordBlob = WorkBlobs.Record(input.DocumentId, segment.Index);
        var record = new IntakeRecord(
            recordId,
            input.DocumentId,
            new RecordSource(input.Source.Container, input.Source.Name, input.Source.Sha256),
            segment.FirstPage,
            segment.LastPage,
            segment.Type,
            input.Classification.Confidence,
            input.Classification.Engine,
            input.PageEngine,
            fields,
            summary.Text,
            exceptions,
            decision.Queue,
            decision.IsReview,
            decision.Reasons,
            timeProvider.GetUtcNow());

        var alreadyRouted = await IsRoutedAsync(recordBlob, cancellationToken).ConfigureAwait(false);
        if (!alreadyRouted)
        {
            await store.WriteJsonAsync(StorageNames.Records, recordBlob, record, null, cancellationToken)
                .ConfigureAwait(false);
            var message = new RecordQueueMessage(recordId, input.DocumentId, $"{StorageNames.Records}/{recordBlob}",
                segment.Type, decision.IsReview, decision.Reasons);
            await store.EnqueueAsync(decision.Queue, message, cancellationToken).ConfigureAwait(false);
            await store.WriteJsonAsync(StorageNames.Records, recordBlob, record,
                new Dictionary<string, string> { [RoutedMarker] = "true" }, cancellationToken).ConfigureAwait(false);
        }

        execution.ReportOutcome(decision.IsReview ? "RoutedToReview" : "Routed", decision.Queue);
        return new RouteResult(decision.Queue, decision.IsReview, decision.Reasons, $"{StorageNames.Records}/{recordBlob}");
    }

    /// <summary>
    /// The routing rules decide from the classification, fields and checks; a content-filter refusal anywhere sends
    /// the document to review as well, since part of it was never analyzed.
    /// </summary>
    private RoutingDecision Decide(RouteInput input, IReadOnlyList<ExtractedField> fields)
    {
        var classification = new Classification(input.Segment.Type, input.Classification.Confidence,
            input.Classification.Engine);
        var decision = routing.Route(new RoutingInput(classification, fields, input.Check.PatientExceptions,
            input.Check.MissingCompanions));

        var extra = input.ExtraReasons.ToList();
        if (input.Classification.ContentFiltered || input.Extraction.ContentFiltered)
        {
            extra.Add(QuarantineReasons.ContentFiltered);
        }

        return extra.Count == 0
            ? decision
            : new RoutingDecision(routing.ReviewQueue, true, [.. decision.Reasons, .. extra]);
    }

    private async Task<bool> IsRoutedAsync(string recordBlob, CancellationToken cancellationToken)
    {
        var blob = store.Container(StorageNames.Records).GetBlobClient(recordBlob);
        if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return properties.Value.Metadata.ContainsKey(RoutedMarker);
    }
}
