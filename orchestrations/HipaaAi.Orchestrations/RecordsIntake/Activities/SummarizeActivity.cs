using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Writes a short summary of one document for staff into the work container.</summary>
public sealed class SummarizeActivity(DocumentStore store, IDocumentSummarizer summarizer)
    : IWorkflowActivity<TypedSegmentInput, SummarizeResult>
{
    public async Task<SummarizeResult> RunAsync(
        TypedSegmentInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var segment = input.Segment;
        var pages = await PageLoader.LoadAsync(store, segment.DocumentId, segment.FirstPage, segment.LastPage,
            cancellationToken).ConfigureAwait(false);
        var fields = await store.ReadJsonAsync<List<ExtractedField>>(StorageNames.Work,
            WorkBlobs.Fields(segment.DocumentId, segment.Index), cancellationToken).ConfigureAwait(false);

        string summary;
        var filtered = false;
        try
        {
            summary = await summarizer.SummarizeAsync(input.Type, pages, fields, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ContentFilteredException refused)
        {
            execution.ReportOutcome(QuarantineReasons.ContentFiltered, refused.Category);
            summary = string.Empty;
            filtered = true;
        }

        await store.WriteJsonAsync(StorageNames.Work, WorkBlobs.Summary(segment.DocumentId, segment.Index),
            new SummaryNote(summary), null, cancellationToken).ConfigureAwait(false);
        return new SummarizeResult(summary.Length, filtered);
    }
}

/// <summary>The summary text as kept in the work container.</summary>
public sealed record SummaryNote(string Text);

