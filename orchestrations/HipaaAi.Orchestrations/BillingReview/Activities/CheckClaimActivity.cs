using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Runs the standard claim checks (code sets, NCCI PTP and MUE, modifiers, payer rules) on one stored claim and stores
/// the findings beside it. Checks only report: the claim is never changed here.
/// </summary>
public sealed class CheckClaimActivity(DocumentStore store, IEnumerable<IClaimCheck> checks)
    : IWorkflowActivity<ClaimStepInput, FindingsStored>
{
    private readonly IClaimCheck[] checks = checks.ToArray();

    public async Task<FindingsStored> RunAsync(
        ClaimStepInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var claim = await ClaimBlobs.ReadAsync(store, StorageNames.Work, input.ClaimBlob, cancellationToken)
            .ConfigureAwait(false);
        var findings = checks.SelectMany(check => check.Check(claim)).ToList();

        var name = BillingBlobs.CheckFindings(input.FileId, input.Index);
        await store.WriteJsonAsync(StorageNames.Work, name, findings, null, cancellationToken).ConfigureAwait(false);

        var highest = Highest(findings);
        execution.ReportOutcome(AuditOutcomesFor(findings), $"findings:{findings.Count}");
        return new FindingsStored(findings.Count, highest, name);
    }

    internal static FindingSeverity? Highest(IReadOnlyCollection<BillingFinding> findings) =>
        findings.Count == 0 ? null : findings.Max(finding => finding.Severity);

    internal static string AuditOutcomesFor(IReadOnlyCollection<BillingFinding> findings) =>
        findings.Count == 0 ? "Clean" : "Findings";
}
