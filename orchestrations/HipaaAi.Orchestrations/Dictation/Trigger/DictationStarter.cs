using System.Security.Cryptography;
using System.Text;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;
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
    DocumentStore store,
    IAuditSink auditSink,
    ServiceIdentity identity,
    TimeProvider timeProvider,
    IOptions<DictationOptions> options,
    ILogger<DictationStarter> logger)
{
    public static string DictationIdFor(string container, string name, string sha256)
    {
        var key = Encoding.UTF8.GetBytes($"{container}\n{name}\n{sha256}");
        return "dict-" + Convert.ToHexStringLower(SHA256.HashData(key))[..32];
    }

    public static string InstanceIdFor(string dictationId) => "dictation-" + dictationId["dict-".Length..];

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

        var dictationId = DictationIdFor(container, name, source.Sha256);
        var instanceId = InstanceIdFor(dictationId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        if (existing is not null && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed
                or OrchestrationRuntimeStatus.Terminated))
        {
            var removed = existing.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                && await store.DeleteAsync(container, name, source.Sha256, cancellationToken).ConfigureAwait(false);
            await AuditAsync(instanceId, dictationId, AuditActions.DuplicateDelivery,
                removed ? AuditOutcomes.Succeeded : AuditOutcomes.Skipped, cancellationToken).ConfigureAwait(false);
            DictationLogs.DuplicateDelivery(logger, instanceId);
            return StartOutcome.AlreadyDelivered;
        }

        var request = new DictationRequest(dictationId, container, source, options.Value.ToSettings());
        await client.ScheduleNewOrchestrationInstanceAsync(DictationOrchestrator.Name, request,
            new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);

        await AuditAsync(instanceId, dictationId, AuditActions.OrchestrationStarted, AuditOutcomes.Succeeded,
            cancellationToken).ConfigureAwait(false);
        DictationLogs.Started(logger, instanceId, source.Size);
        return StartOutcome.Started;
    }

    private Task AuditAsync(string instanceId, string dictationId, string action, string outcome, CancellationToken token)
    {
        var auditEvent = new AuditEvent
        {
            Time = timeProvider.GetUtcNow(),
            Workflow = Workflow.Dictation,
            InstanceId = instanceId,
            Activity = nameof(DictationStarter),
            Actor = identity.Name,
            Subject = dictationId,
            Action = action,
            Outcome = outcome,
            RetentionClass = RetentionClasses.For(Workflow.Dictation),
        };
        return auditSink.WriteAsync([auditEvent], token);
    }
}
