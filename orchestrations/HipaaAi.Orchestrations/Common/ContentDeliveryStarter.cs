using System.Security.Cryptography;
using System.Text;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Orchestrations.Common;

/// <summary>What happened to one delivered blob.</summary>
public enum StartOutcome
{
    Started,
    AlreadyDelivered,
    Gone,
}

/// <summary>How one blob-started workflow names its subjects and instances, and which orchestrator runs them.</summary>
public sealed record ContentDeliveryWorkflow(
    Workflow Workflow,
    string StarterName,
    string OrchestratorName,
    string SubjectPrefix,
    string InstancePrefix)
{
    /// <summary>The opaque subject id of a blob: the container, name and content hash, hashed once more.</summary>
    public string SubjectIdFor(string container, string name, string sha256)
    {
        var key = Encoding.UTF8.GetBytes($"{container}\n{name}\n{sha256}");
        return SubjectPrefix + Convert.ToHexStringLower(SHA256.HashData(key))[..32];
    }

    public string InstanceIdFor(string subjectId) => InstancePrefix + subjectId[SubjectPrefix.Length..];
}

/// <summary>The outcome of a delivery, with the ids and the blob it was about when it still existed.</summary>
public sealed record ContentDelivery(StartOutcome Outcome, string? InstanceId, string? SubjectId, BlobReference? Source);

/// <summary>
/// Starts a workflow once per delivered content, the same way for every blob-started workflow and both hosts (an Event
/// Grid blob trigger in Azure, the inbox watcher locally). The instance id comes from the container, the name and the
/// content hash, so the same file delivered twice is one orchestration and a rewritten file a new one. A repeat of a
/// finished file is removed from the inbox (the original was archived or quarantined); a failed or terminated
/// instance is no receipt, so delivering the file again starts it afresh. Every start and repeat is audited.
/// </summary>
public sealed class ContentDeliveryStarter(
    DocumentStore store,
    IAuditSink auditSink,
    ServiceIdentity identity,
    TimeProvider timeProvider)
{
    public async Task<ContentDelivery> StartAsync<TInput>(
        DurableTaskClient client,
        ContentDeliveryWorkflow workflow,
        string container,
        string name,
        Func<string, BlobReference, TInput> inputFor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(inputFor);

        var source = await store.DescribeAsync(container, name, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            return new ContentDelivery(StartOutcome.Gone, null, null, null);
        }

        var subjectId = workflow.SubjectIdFor(container, name, source.Sha256);
        var instanceId = workflow.InstanceIdFor(subjectId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        if (existing is not null && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed
            or OrchestrationRuntimeStatus.Terminated))
        {
            var removed = existing.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                && await store.DeleteAsync(container, name, source.Sha256, cancellationToken).ConfigureAwait(false);
            await AuditAsync(workflow, instanceId, subjectId, AuditActions.DuplicateDelivery,
                removed ? AuditOutcomes.Succeeded : AuditOutcomes.Skipped, null, cancellationToken).ConfigureAwait(false);
            return new ContentDelivery(StartOutcome.AlreadyDelivered, instanceId, subjectId, source);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(workflow.OrchestratorName, inputFor(subjectId, source),
            new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        await AuditAsync(workflow, instanceId, subjectId, AuditActions.OrchestrationStarted, AuditOutcomes.Succeeded,
            null, cancellationToken).ConfigureAwait(false);
        return new ContentDelivery(StartOutcome.Started, instanceId, subjectId, source);
    }

    /// <summary>Audits a starter's own decision (a start, a repeat, a refused message) with the service as actor.</summary>
    public Task AuditAsync(
        ContentDeliveryWorkflow workflow,
        string instanceId,
        string subjectId,
        string action,
        string outcome,
        string? detail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);

        var auditEvent = new AuditEvent
        {
            Time = timeProvider.GetUtcNow(),
            Workflow = workflow.Workflow,
            InstanceId = instanceId,
            Activity = workflow.StarterName,
            Actor = identity.Name,
            Subject = subjectId,
            Action = action,
            Outcome = outcome,
            Detail = detail,
            RetentionClass = RetentionClasses.For(workflow.Workflow),
        };
        return auditSink.WriteAsync([auditEvent], cancellationToken);
    }
}
