using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>Hands the approved packet to the payer channel and records the submission on the case.</summary>
public sealed class SubmitPacketActivity(IPriorAuthSubmissionAdapter adapter, CaseStatusRecord status)
    : IWorkflowActivity<SubmitPacketInput, SubmitPacketResult>
{
    public async Task<SubmitPacketResult> RunAsync(
        SubmitPacketInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var package = new SubmissionPackage(input.CaseId, input.Payer, StripContainer(input.PacketBlob),
            StripContainer(input.SummaryBlob));
        var submissionId = await adapter.SubmitAsync(package, cancellationToken).ConfigureAwait(false);
        await status.UpdateAsync(input.CaseId, "Submitted", adapter.Channel, submissionId, cancellationToken)
            .ConfigureAwait(false);

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"channel={adapter.Channel}");
        return new SubmitPacketResult(submissionId, adapter.Channel);
    }

    private static string StripContainer(string blob)
    {
        var slash = blob.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? blob : blob[(slash + 1)..];
    }
}
