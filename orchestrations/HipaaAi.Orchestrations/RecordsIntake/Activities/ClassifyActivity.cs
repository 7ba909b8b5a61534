using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Classifies one document. A content-filter refusal is an outcome, not a failure: retrying the same text would be
/// refused again, so the document goes to review instead.
/// </summary>
public sealed class ClassifyActivity(DocumentStore store, IDocumentClassifier classifier)
    : IWorkflowActivity<SegmentInput, ClassifyResult>
{
    public async Task<ClassifyResult> RunAsync(
        SegmentInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var pages = await PageLoader.LoadAsync(store, input.DocumentId, input.FirstPage, input.LastPage,
            cancellationToken).ConfigureAwait(false);
        try
        {
            var classification = await classifier.ClassifyAsync(PageLoader.JoinText(pages), cancellationToken)
                .ConfigureAwait(false);
            execution.ReportOutcome(HipaaAi.Shared.Audit.AuditOutcomes.Succeeded,
                $"type={classification.Type};engine={classification.Engine}");
            return new ClassifyResult(classification.Type, Math.Round(classification.Confidence, 3),
                classification.Engine, false);
        }
        catch (ContentFilteredException filtered)
        {
            execution.ReportOutcome(QuarantineReasons.ContentFiltered, filtered.Category);
            return new ClassifyResult(DocumentType.Other, 0, filtered.Service, true);
        }
    }
}
