using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.RecordsIntake.Trigger;

/// <summary>
/// Starts records intake for a blob that landed in an inbox. Both hosts call this: the Functions blob trigger and the
/// local host's inbox watcher. The instance id comes from the container, the name and the content hash, so the same
/// file delivered twice is one orchestration, while a rewritten file is a new one.
/// </summary>
public sealed class RecordsIntakeStarter(
    ContentDeliveryStarter deliveries,
    IOptions<IntakeOptions> options,
    ILogger<RecordsIntakeStarter> logger)
{
    /// <summary>Every records-intake instance id starts so (its review sub-orchestrations too).</summary>
    public const string InstanceIdPrefix = "intake-";

    public static ContentDeliveryWorkflow Delivery { get; } = new(Workflow.RecordsIntake, nameof(RecordsIntakeStarter),
        RecordsIntakeOrchestrator.Name, "doc-", InstanceIdPrefix);

    public static string DocumentIdFor(string container, string name, string sha256) =>
        Delivery.SubjectIdFor(container, name, sha256);

    public static string InstanceIdFor(string documentId) => Delivery.InstanceIdFor(documentId);

    public async Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        string container,
        string name,
        CancellationToken cancellationToken)
    {
        var settings = options.Value.ToSettings();
        var delivery = await deliveries.StartAsync(client, Delivery, container, name,
            (documentId, source) => new IntakeRequest(documentId, container, source, settings), cancellationToken)
            .ConfigureAwait(false);

        if (delivery.Outcome == StartOutcome.AlreadyDelivered)
        {
            Logs.DuplicateDelivery(logger, delivery.InstanceId!);
        }
        else if (delivery.Outcome == StartOutcome.Started)
        {
            Logs.IntakeStarted(logger, delivery.InstanceId!, delivery.Source!.Size, container);
        }

        return delivery.Outcome;
    }
}
