using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>The message staff receive about a case: why, the content-free codes, and where the case lives.</summary>
public sealed record StaffNotice(string CaseId, string Reason, IReadOnlyList<string> Codes, string CaseFolder);

/// <summary>
/// Puts a case in front of staff (a rejected packet with its exceptions, a payer denial or request for more
/// information, a submission pending too long, a failed step) on the prior-authorization staff queue, and records the
/// stage on the case.
/// </summary>
public sealed class NotifyStaffActivity(DocumentStore store, CaseStatusRecord status)
    : IWorkflowActivity<NotifyStaffInput, NotifyStaffResult>
{
    public async Task<NotifyStaffResult> RunAsync(
        NotifyStaffInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        await status.UpdateAsync(input.CaseId, input.Reason, string.Join(';', input.Codes), null, cancellationToken)
            .ConfigureAwait(false);
        var notice = new StaffNotice(input.CaseId, input.Reason, input.Codes,
            $"{StorageNames.Records}/{CaseBlobs.Prefix}{input.CaseId}/");
        await store.EnqueueAsync(PriorAuthQueues.Staff, notice, cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(AuditOutcomes.Succeeded, input.Reason);
        return new NotifyStaffResult(PriorAuthQueues.Staff);
    }
}
