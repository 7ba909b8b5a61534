using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>Asks the payer channel for the submission's status and keeps the case record current.</summary>
public sealed class CheckSubmissionStatusActivity(IPriorAuthSubmissionAdapter adapter, CaseStatusRecord status)
    : IWorkflowActivity<CheckStatusInput, CheckStatusResult>
{
    public async Task<CheckStatusResult> RunAsync(
        CheckStatusInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var payerStatus = await adapter.GetStatusAsync(input.SubmissionId, cancellationToken).ConfigureAwait(false);
        await status.UpdateAsync(input.CaseId, $"Payer{payerStatus}", null, input.SubmissionId, cancellationToken)
            .ConfigureAwait(false);

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"status={payerStatus}");
        return new CheckStatusResult(payerStatus);
    }
}
