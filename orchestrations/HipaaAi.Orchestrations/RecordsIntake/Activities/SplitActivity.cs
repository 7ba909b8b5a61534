using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Splits a multi-document fax into its documents.</summary>
public sealed class SplitActivity(DocumentStore store, IDocumentSplitter splitter)
    : IWorkflowActivity<SplitInput, SplitResult>
{
    public async Task<SplitResult> RunAsync(SplitInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var pages = await PageLoader.LoadAsync(store, input.DocumentId, 1, input.PageCount, cancellationToken)
            .ConfigureAwait(false);
        var segments = splitter.Split(pages);
        if (segments.Count == 0)
        {
            segments = [new DocumentSegment(1, input.PageCount, "whole-file")];
        }

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"documents={segments.Count}");
        return new SplitResult(segments);
    }
}
