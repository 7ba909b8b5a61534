using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.PriorAuthorization.Trigger;

/// <summary>What happened to one request message.</summary>
public enum PriorAuthStartOutcome
{
    Started,
    AlreadyStarted,
    Rejected,
}

/// <summary>The result of one request message: the case it started, or the reason it was refused.</summary>
public sealed record PriorAuthStart(PriorAuthStartOutcome Outcome, string CaseId, string? Reason);

/// <summary>
/// Starts a prior-authorization case from a queue message; both hosts call it (the Functions queue trigger and the
/// local host's queue watcher). A malformed or incomplete message is never retried: it is kept in quarantine with
/// its reason and audited, and the call returns normally so the queue does not deliver it again. The case id comes
/// from the message's content, so a message delivered twice is one case.
/// </summary>
public sealed class PriorAuthStarter(
    DocumentStore store,
    IAuditSink auditSink,
    ServiceIdentity identity,
    TimeProvider timeProvider,
    IOptions<PriorAuthOptions> options,
    ILogger<PriorAuthStarter> logger)
{
    public const string RejectedPrefix = "prior-auth/";

    private static readonly JsonSerializerOptions Json = new(DocumentStore.Json) { UnmappedMemberHandling = default };

    public static string CaseIdFor(string messageBody) =>
        "pa-case-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageBody)))[..24];

    public static string InstanceIdFor(string caseId) => "priorauth-" + caseId["pa-case-".Length..];

    /// <summary>Checks a message; returns the parsed request, or a content-free reason it cannot be used.</summary>
    public static (PriorAuthRequestMessage? Request, string? Reason) Validate(string messageBody)
    {
        if (string.IsNullOrWhiteSpace(messageBody))
        {
            return (null, "EmptyMessage");
        }

        PriorAuthRequestMessage? request;
        try
        {
            request = JsonSerializer.Deserialize<PriorAuthRequestMessage>(messageBody, Json);
        }
        catch (JsonException)
        {
            return (null, "MalformedJson");
        }

        if (request is null)
        {
            return (null, "MalformedJson");
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Payer)) missing.Add("payer");
        if (string.IsNullOrWhiteSpace(request.Service)) missing.Add("service");
        if (string.IsNullOrWhiteSpace(request.DiagnosisCode)) missing.Add("diagnosisCode");
        if (string.IsNullOrWhiteSpace(request.PatientReference)) missing.Add("patientReference");
        if (request.Provider is null || (string.IsNullOrWhiteSpace(request.Provider.Name)
                && string.IsNullOrWhiteSpace(request.Provider.Npi)))
        {
            missing.Add("provider");
        }

        if (request.Documents is not { Count: > 0 } && request.IntakeRecords is not { Count: > 0 }
            && !request.UsePatientIntakeRecords)
        {
            missing.Add("documents");
        }

        if (missing.Count > 0)
        {
            return (null, "Incomplete:" + string.Join(',', missing));
        }

        var badReference = (request.Documents ?? []).Concat(request.IntakeRecords ?? [])
            .Any(reference => reference.IndexOf('/', StringComparison.Ordinal) <= 0 || reference.Contains("..", StringComparison.Ordinal));
        return badReference ? (null, "InvalidDocumentReference") : (request, null);
    }

    public async Task<PriorAuthStart> StartAsync(DurableTaskClient client, string messageBody, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);

        var body = messageBody ?? string.Empty;
        var caseId = CaseIdFor(body);
        var instanceId = InstanceIdFor(caseId);
        var (request, reason) = Validate(body);
        if (request is null)
        {
            await RejectAsync(caseId, instanceId, body, reason!, cancellationToken).ConfigureAwait(false);
            return new PriorAuthStart(PriorAuthStartOutcome.Rejected, caseId, reason);
        }

        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        if (existing is not null && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed
                or OrchestrationRuntimeStatus.Terminated))
        {
            await AuditAsync(instanceId, caseId, AuditActions.DuplicateDelivery, AuditOutcomes.Skipped, null,
                cancellationToken).ConfigureAwait(false);
            PriorAuthLogs.DuplicateRequest(logger, instanceId);
            return new PriorAuthStart(PriorAuthStartOutcome.AlreadyStarted, caseId, null);
        }

        // The message holds PHI (patient, provider): it is kept with the case, and the orchestration carries its name.
        var requestBlob = CaseBlobs.Request(caseId);
        await store.WriteJsonAsync(StorageNames.Records, requestBlob, request, null, cancellationToken).ConfigureAwait(false);
        await client.ScheduleNewOrchestrationInstanceAsync(
            PriorAuthorizationOrchestrator.Name,
            new PriorAuthRequest(caseId, requestBlob, options.Value.ToSettings()),
            new StartOrchestrationOptions(instanceId),
            cancellationToken).ConfigureAwait(false);

        await AuditAsync(instanceId, caseId, AuditActions.OrchestrationStarted, AuditOutcomes.Succeeded, null,
            cancellationToken).ConfigureAwait(false);
        PriorAuthLogs.CaseStarted(logger, instanceId, request.Documents?.Count ?? 0, request.IntakeRecords?.Count ?? 0);
        return new PriorAuthStart(PriorAuthStartOutcome.Started, caseId, null);
    }

    private async Task RejectAsync(string caseId, string instanceId, string body, string reason, CancellationToken token)
    {
        var metadata = new Dictionary<string, string>
        {
            ["reason"] = new string(reason.Where(c => c is >= ' ' and <= '~').ToArray()),
            ["caseid"] = caseId,
            ["rejectedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var blob = store.Container(StorageNames.Quarantine).GetBlobClient($"{RejectedPrefix}{caseId}.json");
        await blob.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(body)), new Azure.Storage.Blobs.Models.BlobUploadOptions
        {
            Metadata = metadata,
            HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "application/json" },
        }, token).ConfigureAwait(false);

        await AuditAsync(instanceId, caseId, AuditActions.OrchestrationStarted, AuditOutcomes.Quarantined, reason, token)
            .ConfigureAwait(false);
        PriorAuthLogs.RequestRejected(logger, caseId, reason);
    }

    private Task AuditAsync(string instanceId, string caseId, string action, string outcome, string? detail,
        CancellationToken token)
    {
        var auditEvent = new AuditEvent
        {
            Time = timeProvider.GetUtcNow(),
            Workflow = Workflow.PriorAuthorization,
            InstanceId = instanceId,
            Activity = nameof(PriorAuthStarter),
            Actor = identity.Name,
            Subject = caseId,
            Action = action,
            Outcome = outcome,
            Detail = detail,
            RetentionClass = RetentionClasses.For(Workflow.PriorAuthorization),
        };
        return auditSink.WriteAsync([auditEvent], token);
    }
}
