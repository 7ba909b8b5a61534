using HipaaAi.Functions.Hosting;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Functions.PriorAuthorization;

/// <summary>
/// The Functions entry points of prior authorization: thin adapters over the starter, the orchestrator and the
/// activities that the local host runs unchanged. The records-intake activities it reuses are served by
/// <see cref="RecordsIntake.RecordsIntakeFunctions"/>.
/// </summary>
public sealed class PriorAuthorizationFunctions(PriorAuthStarter starter, AuditedActivityInvoker invoker)
{
    public const string RequestQueueTrigger = "PriorAuthorizationRequests";

    // A bad message is quarantined and audited by the starter and the call returns normally, so it is never
    // redelivered; only a failure to reach storage throws and is retried (then moved to the poison queue).
    [Function(RequestQueueTrigger)]
    public Task OnRequestAsync(
        [QueueTrigger(PriorAuthQueues.Requests, Connection = StorageNames.Connection)] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        return starter.StartAsync(client, message, context.CancellationToken);
    }

    [Function(PriorAuthorizationOrchestrator.Name)]
    public static Task<PriorAuthResult> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.GetInput<PriorAuthRequest>()
            ?? throw new InvalidOperationException("The orchestration started without a prior-authorization request.");
        return PriorAuthorizationOrchestrator.RunAsync(context, request);
    }

    [Function(nameof(GatherDocumentsActivity))]
    public Task<GatherResult> GatherDocumentsAsync(
        [ActivityTrigger] ActivityRequest<GatherInput> request, FunctionContext context) =>
        invoker.InvokeAsync<GatherDocumentsActivity, GatherInput, GatherResult>(
            nameof(GatherDocumentsActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(AssessActivity))]
    public Task<AssessResult> AssessAsync(
        [ActivityTrigger] ActivityRequest<AssessInput> request, FunctionContext context) =>
        invoker.InvokeAsync<AssessActivity, AssessInput, AssessResult>(
            nameof(AssessActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(BuildPacketActivity))]
    public Task<BuildPacketResult> BuildPacketAsync(
        [ActivityTrigger] ActivityRequest<BuildPacketInput> request, FunctionContext context) =>
        invoker.InvokeAsync<BuildPacketActivity, BuildPacketInput, BuildPacketResult>(
            nameof(BuildPacketActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(SubmitPacketActivity))]
    public Task<SubmitPacketResult> SubmitPacketAsync(
        [ActivityTrigger] ActivityRequest<SubmitPacketInput> request, FunctionContext context) =>
        invoker.InvokeAsync<SubmitPacketActivity, SubmitPacketInput, SubmitPacketResult>(
            nameof(SubmitPacketActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(CheckSubmissionStatusActivity))]
    public Task<CheckStatusResult> CheckSubmissionStatusAsync(
        [ActivityTrigger] ActivityRequest<CheckStatusInput> request, FunctionContext context) =>
        invoker.InvokeAsync<CheckSubmissionStatusActivity, CheckStatusInput, CheckStatusResult>(
            nameof(CheckSubmissionStatusActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(NotifyStaffActivity))]
    public Task<NotifyStaffResult> NotifyStaffAsync(
        [ActivityTrigger] ActivityRequest<NotifyStaffInput> request, FunctionContext context) =>
        invoker.InvokeAsync<NotifyStaffActivity, NotifyStaffInput, NotifyStaffResult>(
            nameof(NotifyStaffActivity), context.InstanceId(), request, context.CancellationToken);
}
