using Azure.Storage.Blobs;
using HipaaAi.Functions.Hosting;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation;
using HipaaAi.Orchestrations.Dictation.Activities;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.Dictation.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Functions.Dictation;

/// <summary>
/// The Functions entry points of clinical dictation: thin adapters over the trigger logic, orchestrator and
/// activities in the orchestrations project, which the local host runs unchanged. Quarantine and archive are the
/// records-intake activities, already adapted in <c>RecordsIntakeFunctions</c>.
/// </summary>
public sealed class DictationFunctions(DictationStarter starter, AuditedActivityInvoker invoker)
{
    public const string InboxTrigger = "DictationInbox";

    // Event Grid delivers blob-created events, as for the records inboxes (Flex Consumption has no polling trigger).
    [Function(InboxTrigger)]
    public Task OnRecordingAsync(
        [BlobTrigger(StorageNames.DictationInbox + "/{name}", Source = BlobTriggerSource.EventGrid,
            Connection = StorageNames.Connection)] BlobClient blob,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartAsync(client, StorageNames.DictationInbox, blob.Name, context.CancellationToken);
    }

    [Function(DictationOrchestrator.Name)]
    public static Task<DictationResult> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.GetInput<DictationRequest>()
            ?? throw new InvalidOperationException("The orchestration started without a dictation request.");
        return DictationOrchestrator.RunAsync(context, request);
    }

    [Function(nameof(AudioPreflightActivity))]
    public Task<AudioPreflightResult> AudioPreflightAsync(
        [ActivityTrigger] ActivityRequest<AudioPreflightInput> request, FunctionContext context) =>
        invoker.InvokeAsync<AudioPreflightActivity, AudioPreflightInput, AudioPreflightResult>(
            nameof(AudioPreflightActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(TranscribeActivity))]
    public Task<TranscribeResult> TranscribeAsync(
        [ActivityTrigger] ActivityRequest<TranscribeInput> request, FunctionContext context) =>
        invoker.InvokeAsync<TranscribeActivity, TranscribeInput, TranscribeResult>(
            nameof(TranscribeActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(DraftNoteActivity))]
    public Task<DraftNoteResult> DraftNoteAsync(
        [ActivityTrigger] ActivityRequest<DraftNoteInput> request, FunctionContext context) =>
        invoker.InvokeAsync<DraftNoteActivity, DraftNoteInput, DraftNoteResult>(
            nameof(DraftNoteActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(FinalizeNoteActivity))]
    public Task<FinalizeNoteResult> FinalizeNoteAsync(
        [ActivityTrigger] ActivityRequest<FinalizeNoteInput> request, FunctionContext context) =>
        invoker.InvokeAsync<FinalizeNoteActivity, FinalizeNoteInput, FinalizeNoteResult>(
            nameof(FinalizeNoteActivity), context.InstanceId(), request, context.CancellationToken);
}
