using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Shared.Approvals;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Local.Review;

/// <summary>
/// For unattended local runs only (<c>--auto-approve</c>, never the default): approves every pending approval
/// through the decision service, audited with the actor <see cref="Actor"/>.
/// </summary>
public sealed class AutoApprover(IServiceProvider services, ILogger<AutoApprover> logger)
{
    public const string Actor = "auto-approver";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ApprovalStore>();
        var decisions = services.GetRequiredService<ApprovalDecisionService>();
        var client = services.GetRequiredService<DurableTaskClient>();
        var options = services.GetRequiredService<IOptions<ApprovalOptions>>().Value;

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                foreach (var pending in await store.ListPendingAsync(cancellationToken).ConfigureAwait(false))
                {
                    var decision = pending.AllowedDecisions.Contains(ApprovalDecision.Approve)
                        ? ApprovalDecision.Approve
                        : pending.AllowedDecisions[0];
                    var answer = await decisions.DecideAsync(client,
                        new DecisionSubmission(pending.ApprovalId, decision, null, null,
                            new ApprovalActor(Actor, options.RolesFor(pending.Kind, pending.ApproverRole)), Actor),
                        cancellationToken).ConfigureAwait(false);
                    LocalLogs.AutoDecided(logger, pending.ApprovalId, answer.Status);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
