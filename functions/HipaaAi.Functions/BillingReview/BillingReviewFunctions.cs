using Azure.Storage.Blobs;
using HipaaAi.Functions.Hosting;
using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Functions.BillingReview;

/// <summary>
/// The Functions entry points of billing review: binding adapters only. The starter, the orchestrator and the
/// activities live in the orchestrations project and run unchanged in the local host. The parse-failure quarantine
/// reuses records intake's <c>QuarantineActivity</c> function.
/// </summary>
public sealed class BillingReviewFunctions(BillingReviewStarter starter, AuditedActivityInvoker invoker)
{
    public const string ClaimsInboxTrigger = "BillingReviewClaimsInbox";
    public const string ClaimsQueueTrigger = "BillingReviewClaimsQueue";

    [Function(ClaimsInboxTrigger)]
    public Task OnClaimFileAsync(
        [BlobTrigger(StorageNames.ClaimsInbox + "/{name}", Source = BlobTriggerSource.EventGrid,
            Connection = StorageNames.Connection)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartAsync(client, StorageNames.ClaimsInbox, blob.Name, context.CancellationToken);
    }

    // A message that is not a claim is rejected and audited by the starter and returns normally, so it is consumed
    // rather than retried into the poison queue; only storage failures throw (and are retried).
    [Function(ClaimsQueueTrigger)]
    public Task OnClaimMessageAsync(
        [QueueTrigger(BillingQueues.Claims, Connection = StorageNames.Connection)] string message,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartFromMessageAsync(client, id, message, context.CancellationToken);
    }

    [Function(BillingReviewOrchestrator.Name)]
    public static Task<BillingResult> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.GetInput<BillingRequest>()
            ?? throw new InvalidOperationException("The orchestration started without a billing request.");
        return BillingReviewOrchestrator.RunAsync(context, request);
    }

    [Function(nameof(ParseClaimsActivity))]
    public Task<ParseClaimsResult> ParseClaimsAsync(
        [ActivityTrigger] ActivityRequest<ParseClaimsInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ParseClaimsActivity, ParseClaimsInput, ParseClaimsResult>(
            nameof(ParseClaimsActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(CheckClaimActivity))]
    public Task<FindingsStored> CheckClaimAsync(
        [ActivityTrigger] ActivityRequest<ClaimStepInput> request, FunctionContext context) =>
        invoker.InvokeAsync<CheckClaimActivity, ClaimStepInput, FindingsStored>(
            nameof(CheckClaimActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(CheckDocumentationActivity))]
    public Task<DocumentationStored> CheckDocumentationAsync(
        [ActivityTrigger] ActivityRequest<ClaimStepInput> request, FunctionContext context) =>
        invoker.InvokeAsync<CheckDocumentationActivity, ClaimStepInput, DocumentationStored>(
            nameof(CheckDocumentationActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(WriteFindingsReportActivity))]
    public Task<ReportWritten> WriteFindingsReportAsync(
        [ActivityTrigger] ActivityRequest<WriteReportInput> request, FunctionContext context) =>
        invoker.InvokeAsync<WriteFindingsReportActivity, WriteReportInput, ReportWritten>(
            nameof(WriteFindingsReportActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(ReleaseClaimActivity))]
    public Task<ReleaseResult> ReleaseClaimAsync(
        [ActivityTrigger] ActivityRequest<ReleaseClaimInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ReleaseClaimActivity, ReleaseClaimInput, ReleaseResult>(
            nameof(ReleaseClaimActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(FinishClaimFileActivity))]
    public Task<FinishClaimFileResult> FinishClaimFileAsync(
        [ActivityTrigger] ActivityRequest<FinishClaimFileInput> request, FunctionContext context) =>
        invoker.InvokeAsync<FinishClaimFileActivity, FinishClaimFileInput, FinishClaimFileResult>(
            nameof(FinishClaimFileActivity), context.InstanceId(), request, context.CancellationToken);
}
