using System.Security.Cryptography;
using System.Text;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.RecordsIntake.Trigger;

/// <summary>What happened to one delivered blob.</summary>
public enum StartOutcome
{
    Started,
    AlreadyDelivered,
    Gone,
}

/// <summary>
/// Starts records intake for a blob that landed in an inbox. Both hosts call this: the Functions blob trigger and the
/// local host's inbox watcher. The instance id comes from the container, the name and the content hash, so the same
/// file delivered twice is one orchestration, while a rewritten file is a new one.
/// </summary>
public sealed class RecordsIntakeStarter(
    DocumentStore store,
    IAuditSink auditSink,
    ServiceIdentity identity,
    TimeProvider timeProvider,
    IOptions<IntakeOptions> options,
    ILogger<RecordsIntakeStarter> logger)
{
    public static string DocumentIdFor(string container, string name, string sha256)
    {
        var key = Encoding.UTF8.GetBytes($"{container}\n{name}\n{sha256}");
        return "doc-" + Convert.ToHexStringLower(SHA256.HashData(key))[..32];
    }

    /// <summary>Every records-intake instance id starts so (its review sub-orchestrations too).</summary>
    public const string InstanceIdPrefix = "intake-";

    public static string InstanceIdFor(string documentId) => InstanceIdPrefix + documentId["doc-".Length..];

    public async Task<StartOutcome> StartAsync(
        DurableTaskClient client,
        string container,
        string name,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        var source = await store.DescribeAsync(container, name, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return StartOutcome.Gone;
        }

        var documentId = DocumentIdFor(container, name, source.Sha256);
        var instanceId = InstanceIdFor(documentId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        if (existing is not null && !IsFailed(existing.RuntimeStatus))
        {
            // The same bytes under the same name: one orchestration. Once it has finished, the original is archived
            // or quarantined, so this copy is only a repeat and is removed from the inbox rather than left there.
            var removed = existing.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                && await store.DeleteAsync(container, name, source.Sha256, cancellationToken).ConfigureAwait(false);
            await AuditAsync(instanceId, documentId, AuditActions.DuplicateDelivery,
                removed ? AuditOutcomes.Succeeded : AuditOutcomes.Skipped, cancellationToken).ConfigureAwait(false);
            Logs.DuplicateDelivery(logger, instanceId);
            return StartOutcome.AlreadyDelivered;
        }

        var request = new IntakeRequest(documentId, container, source, options.Value.ToSettings());
        await client.ScheduleNewOrchestrationInstanceAsync(
            RecordsIntakeOrchestrator.Name,
            request,
            new StartOrchestrationOptions(instanceId),
            cancellationToken).ConfigureAwait(false);

        await AuditAsync(instanceId, documentId, AuditActions.OrchestrationStarted, AuditOutcomes.Succeeded,
            cancellationToken).ConfigureAwait(false);
        Logs.IntakeStarted(logger, instanceId, source.Size, container);
        return StartOutcome.Started;
    }

    // A failed or terminated instance is not a receipt: delivering the file again starts it afresh.
    private static bool IsFailed(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    private Task AuditAsync(string instanceId, string documentId, string action, string outcome, CancellationToken token)
    {
        var auditEvent = new AuditEvent
        {
            Time = timeProvider.GetUtcNow(),
            Workflow = Workflow.RecordsIntake,
            InstanceId = instanceId,
            Activity = nameof(RecordsIntakeStarter),
            Actor = identity.Name,
            Subject = documentId,
            Action = action,
            Outcome = outcome,
            RetentionClass = RetentionClasses.For(Workflow.RecordsIntake),
        };
        return auditSink.WriteAsync([auditEvent], token);
    }
}
