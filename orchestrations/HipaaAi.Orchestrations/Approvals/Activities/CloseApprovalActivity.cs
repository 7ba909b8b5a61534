using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Orchestrations.Approvals.Activities;

/// <summary>
/// Closes an approval in the store. A timeout or an undeliverable card is itself recorded with the same conditional
/// insert as a staff decision, so a click that races the timeout either wins (and is returned) or is refused later.
/// </summary>
public sealed class CloseApprovalActivity(ApprovalStore store, TimeProvider time)
    : IWorkflowActivity<CloseApprovalInput, CloseApprovalResult>
{
    public const string TimeoutActor = "approval-timeout";

    public async Task<CloseApprovalResult> RunAsync(
        CloseApprovalInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        if (input.Verdict == ApprovalVerdict.Decided)
        {
            await store.SetStatusAsync(input.ApprovalId, ApprovalStatus.Decided, cancellationToken).ConfigureAwait(false);
            execution.ReportOutcome(nameof(ApprovalVerdict.Decided));
            return new CloseApprovalResult(null);
        }

        var closing = new StoredDecision(null, TimeoutActor, null, time.GetUtcNow(), input.Verdict.ToString());
        var write = await store.TryRecordDecisionAsync(input.ApprovalId, closing, cancellationToken).ConfigureAwait(false);
        // A retry of this activity finds its own closing row (no decision in it): still a timeout, not a decision.
        var decidedFirst = !write.Recorded && write.Standing.Decision is not null;
        var status = decidedFirst
            ? ApprovalStatus.Decided
            : input.Verdict == ApprovalVerdict.Expired ? ApprovalStatus.Expired : ApprovalStatus.Undelivered;
        await store.SetStatusAsync(input.ApprovalId, status, cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(status.ToString(), decidedFirst ? "decided-before-timeout" : null);
        return new CloseApprovalResult(decidedFirst ? write.Standing : null);
    }
}
