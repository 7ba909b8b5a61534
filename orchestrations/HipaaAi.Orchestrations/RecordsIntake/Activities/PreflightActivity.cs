using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Confirms the blob is still the one delivered, then checks its real format, pages, encryption, damage and limits.
/// </summary>
public sealed class PreflightActivity(DocumentStore store, IDocumentInspector inspector)
    : IWorkflowActivity<PreflightInput, PreflightResult>
{
    public async Task<PreflightResult> RunAsync(
        PreflightInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var current = await store.DescribeAsync(input.Source.Container, input.Source.Name, cancellationToken)
            .ConfigureAwait(false);
        if (current is null || !string.Equals(current.Sha256, input.Source.Sha256, StringComparison.Ordinal))
        {
            execution.ReportOutcome("Superseded", current is null ? "BlobDeleted" : "ContentChanged");
            return new PreflightResult(PreflightVerdict.Accepted, DocumentFormat.Unknown, 0, null, true, []);
        }

        PreflightReport report;
        if (current.Size == 0)
        {
            report = PreflightReport.Rejected(DocumentFormat.Unknown, PreflightVerdict.Empty, "The file has no bytes.");
        }
        else
        {
            using var staged = await store.StageAsync(input.Source, cancellationToken).ConfigureAwait(false);
            report = inspector.Inspect(staged.Path);
        }

        if (!report.IsAccepted)
        {
            execution.ReportOutcome(report.Verdict.ToString(), report.Format.ToString());
        }

        var needOcr = report.Pages.Where(page => !page.HasTextLayer).Select(page => page.PageNumber).ToList();
        return new PreflightResult(report.Verdict, report.Format, report.PageCount, report.Reason, false, needOcr);
    }
}
