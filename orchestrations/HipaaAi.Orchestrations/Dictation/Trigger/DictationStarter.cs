using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.Dictation.Trigger;

/// <summary>
/// Starts a dictation for a recording that landed in the dictation inbox; the Functions blob trigger and the local
/// inbox watcher both call it. Like records intake, the instance id comes from the container, name and content
/// hash, so a repeated delivery is one orchestration and a re-recorded file is a new one.
/// </summary>
public sealed class DictationStarter(
    ContentDeliveryStarter deliveries,
    IOptions<DictationOptions> options,
    ILogger<DictationStarter> logger)
{
    public static ContentDeliveryWorkflow Delivery { get; } = new(Workflow.Dictation, nameof(DictationStarter),
        DictationOrchestrator.Name, "dict-", "dictation-");

    public static string DictationIdFor(string container, string name, string sha256) =>
        Delivery.SubjectIdFor(container, name, sha256);

    public static string InstanceIdFor(string dictationId) => Delivery.InstanceIdFor(dictationId);

    public async Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        string container,
        string name,
        CancellationToken cancellationToken)
    {
        var settings = options.Value.ToSettings();
        var delivery = await deliveries.StartAsync(client, Delivery, container, name,
            (dictationId, source) => new DictationRequest(dictationId, container, source, settings), cancellationToken)
            .ConfigureAwait(false);

        if (delivery.Outcome == StartOutcome.AlreadyDelivered)
        {
            DictationLogs.DuplicateDelivery(logger, delivery.InstanceId!);
        }
        else if (delivery.Outcome == StartOutcome.Started)
        {
            DictationLogs.Started(logger, delivery.InstanceId!, delivery.Source!.Size);
        }

        return delivery.Outcome;
    }
}
