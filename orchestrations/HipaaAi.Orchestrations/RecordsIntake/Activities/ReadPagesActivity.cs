using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Reads a batch of pages (text layer or OCR) and keeps each page's text in the work container.</summary>
public sealed class ReadPagesActivity(DocumentStore store, IPageReader reader)
    : IWorkflowActivity<ReadPagesInput, ReadPagesResult>
{
    public async Task<ReadPagesResult> RunAsync(
        ReadPagesInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        using var staged = await store.StageAsync(input.Source, cancellationToken).ConfigureAwait(false);
        var pages = await reader.ReadPagesAsync(staged.Path, input.Format, input.Pages, cancellationToken)
            .ConfigureAwait(false);

        var summaries = new List<PageReadSummary>(pages.Count);
        foreach (var page in pages)
        {
            await store.WriteJsonAsync(StorageNames.Work, WorkBlobs.Page(input.DocumentId, page.PageNumber), page,
                null, cancellationToken).ConfigureAwait(false);
            summaries.Add(new PageReadSummary(page.PageNumber, page.Text.Length, Math.Round(page.Confidence, 3),
                page.RotationDegrees, page.Source));
        }

        return new ReadPagesResult(summaries, reader.EngineName);
    }
}
