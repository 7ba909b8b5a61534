using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Merges a claim's check and documentation findings into its findings report: JSON (each finding with rule, severity,
/// claim line, evidence and suggested fix) and a plain-text summary for billing staff, both in the outbox. Decides
/// whether the claim needs staff review against the threshold the instance started with.
/// </summary>
public sealed class WriteFindingsReportActivity(DocumentStore store)
    : IWorkflowActivity<WriteReportInput, ReportWritten>
{
    public async Task<ReportWritten> RunAsync(
        WriteReportInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var claim = await ClaimBlobs.ReadAsync(store, StorageNames.Work, input.ClaimBlob, cancellationToken)
            .ConfigureAwait(false);
        var checks = await store.ReadJsonAsync<List<BillingFinding>>(StorageNames.Work,
            BillingBlobs.CheckFindings(input.FileId, input.Index), cancellationToken).ConfigureAwait(false);
        var documentation = await store.ReadJsonAsync<List<BillingFinding>>(StorageNames.Work,
            BillingBlobs.DocumentationFindings(input.FileId, input.Index), cancellationToken).ConfigureAwait(false);

        var report = Build(claim, [.. checks, .. documentation], input.Threshold);
        var review = report.Claims[0];

        var reportBlob = BillingBlobs.Report(input.FileId, input.Index);
        var summaryBlob = BillingBlobs.Summary(input.FileId, input.Index);
        await store.WriteJsonAsync(StorageNames.Outbox, reportBlob, report, null, cancellationToken)
            .ConfigureAwait(false);
        await store.Container(StorageNames.Outbox).GetBlobClient(summaryBlob)
            .UploadAsync(BinaryData.FromString(report.ToPlainText()), overwrite: true, cancellationToken)
            .ConfigureAwait(false);

        var byRule = review.Findings.GroupBy(finding => finding.Rule, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        execution.ReportOutcome(review.NeedsStaffReview ? "NeedsStaffReview" : "Clean",
            $"findings:{review.Findings.Count}");
        return new ReportWritten(review.Findings.Count, CheckClaimActivity.Highest([.. review.Findings]), byRule,
            review.NeedsStaffReview, BillingBlobs.InOutbox(reportBlob), BillingBlobs.InOutbox(summaryBlob));
    }

    /// <summary>
    /// The one-claim report: findings most severe first, then by line and rule; staff review when any finding reaches
    /// <paramref name="threshold"/>.
    /// </summary>
    public static BillingReport Build(Claim claim, IReadOnlyList<BillingFinding> findings, FindingSeverity threshold)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(findings);

        var ordered = findings.OrderByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.LineNumber ?? 0)
            .ThenBy(finding => finding.Rule, StringComparer.Ordinal)
            .ToArray();
        var review = new ClaimReview(claim.ClaimId, claim.Kind, claim.TotalCharge, ordered,
            ordered.Any(finding => finding.Severity >= threshold));
        var counts = Enum.GetValues<FindingSeverity>()
            .ToDictionary(severity => severity, severity => ordered.Count(finding => finding.Severity == severity));
        return new BillingReport([review], counts, threshold);
    }
}
