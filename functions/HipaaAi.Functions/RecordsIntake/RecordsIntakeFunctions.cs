using Azure.Storage.Blobs;
using HipaaAi.Functions.Hosting;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Functions.RecordsIntake;

/// <summary>
/// The Functions entry points of records intake. Each one only adapts the binding: the trigger logic, the
/// orchestrator and the activities live in the orchestrations project and run unchanged in the local host.
/// </summary>
public sealed class RecordsIntakeFunctions(RecordsIntakeStarter starter, AuditedActivityInvoker invoker)
{
    public const string FaxInboxTrigger = "RecordsIntakeFaxInbox";
    public const string ScanInboxTrigger = "RecordsIntakeScanInbox";

    // Event Grid delivers blob-created events: the polling trigger is unsupported on Flex Consumption and misses
    // and delays blobs in large containers.
    [Function(FaxInboxTrigger)]
    public Task OnFaxAsync(
        [BlobTrigger(StorageNames.FaxInbox + "/{name}", Source = BlobTriggerSource.EventGrid,
            Connection = StorageNames.Connection)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartAsync(client, StorageNames.FaxInbox, blob.Name, context.CancellationToken);
    }

    [Function(ScanInboxTrigger)]
    public Task OnScanAsync(
        [BlobTrigger(StorageNames.ScanInbox + "/{name}", Source = BlobTriggerSource.EventGrid,
            Connection = StorageNames.Connection)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartAsync(client, StorageNames.ScanInbox, blob.Name, context.CancellationToken);
    }

    [Function(RecordsIntakeOrchestrator.Name)]
    public static Task<IntakeResult> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.GetInput<IntakeRequest>()
            ?? throw new InvalidOperationException("The orchestration started without an intake request.");
        return RecordsIntakeOrchestrator.RunAsync(context, request);
    }

    [Function(nameof(PreflightActivity))]
    public Task<PreflightResult> PreflightAsync(
        [ActivityTrigger] ActivityRequest<PreflightInput> request, FunctionContext context) =>
        invoker.InvokeAsync<PreflightActivity, PreflightInput, PreflightResult>(
            nameof(PreflightActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(ReadPagesActivity))]
    public Task<ReadPagesResult> ReadPagesAsync(
        [ActivityTrigger] ActivityRequest<ReadPagesInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ReadPagesActivity, ReadPagesInput, ReadPagesResult>(
            nameof(ReadPagesActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(SplitActivity))]
    public Task<SplitResult> SplitAsync(
        [ActivityTrigger] ActivityRequest<SplitInput> request, FunctionContext context) =>
        invoker.InvokeAsync<SplitActivity, SplitInput, SplitResult>(
            nameof(SplitActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(ClassifyActivity))]
    public Task<ClassifyResult> ClassifyAsync(
        [ActivityTrigger] ActivityRequest<SegmentInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ClassifyActivity, SegmentInput, ClassifyResult>(
            nameof(ClassifyActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(ExtractActivity))]
    public Task<ExtractResult> ExtractAsync(
        [ActivityTrigger] ActivityRequest<TypedSegmentInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ExtractActivity, TypedSegmentInput, ExtractResult>(
            nameof(ExtractActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(CheckActivity))]
    public Task<CheckResult> CheckAsync(
        [ActivityTrigger] ActivityRequest<CheckInput> request, FunctionContext context) =>
        invoker.InvokeAsync<CheckActivity, CheckInput, CheckResult>(
            nameof(CheckActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(SummarizeActivity))]
    public Task<SummarizeResult> SummarizeAsync(
        [ActivityTrigger] ActivityRequest<TypedSegmentInput> request, FunctionContext context) =>
        invoker.InvokeAsync<SummarizeActivity, TypedSegmentInput, SummarizeResult>(
            nameof(SummarizeActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(RouteActivity))]
    public Task<RouteResult> RouteAsync(
        [ActivityTrigger] ActivityRequest<RouteInput> request, FunctionContext context) =>
        invoker.InvokeAsync<RouteActivity, RouteInput, RouteResult>(
            nameof(RouteActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(FinishActivity))]
    public Task<FinishResult> FinishAsync(
        [ActivityTrigger] ActivityRequest<FinishInput> request, FunctionContext context) =>
        invoker.InvokeAsync<FinishActivity, FinishInput, FinishResult>(
            nameof(FinishActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(QuarantineActivity))]
    public Task<QuarantineResult> QuarantineAsync(
        [ActivityTrigger] ActivityRequest<QuarantineInput> request, FunctionContext context) =>
        invoker.InvokeAsync<QuarantineActivity, QuarantineInput, QuarantineResult>(
            nameof(QuarantineActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(PrepareReviewActivity))]
    public Task<RecordReviewCard> PrepareReviewAsync(
        [ActivityTrigger] ActivityRequest<RecordReviewInput> request, FunctionContext context) =>
        invoker.InvokeAsync<PrepareReviewActivity, RecordReviewInput, RecordReviewCard>(
            nameof(PrepareReviewActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(ApplyReviewActivity))]
    public Task<ApplyReviewResult> ApplyReviewAsync(
        [ActivityTrigger] ActivityRequest<ApplyReviewInput> request, FunctionContext context) =>
        invoker.InvokeAsync<ApplyReviewActivity, ApplyReviewInput, ApplyReviewResult>(
            nameof(ApplyReviewActivity), context.InstanceId(), request, context.CancellationToken);
}
