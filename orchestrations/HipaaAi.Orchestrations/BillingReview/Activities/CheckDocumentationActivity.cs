using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Looks up the clinical note of each visit on a claim in the records store and checks that it supports what is
/// billed (procedure named, side, E/M elements), quoting the passage or naming its absence. It never proposes a code.
/// </summary>
public sealed class CheckDocumentationActivity(DocumentStore store)
    : IWorkflowActivity<ClaimStepInput, DocumentationStored>
{
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Keywords =
        new(DocumentationCheck.DefaultKeywords);

    public async Task<DocumentationStored> RunAsync(
        ClaimStepInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var claim = await ClaimBlobs.ReadAsync(store, StorageNames.Work, input.ClaimBlob, cancellationToken)
            .ConfigureAwait(false);

        // A fresh source per call: notes that records intake wrote since the last claim are seen.
        var check = new DocumentationCheck(new RecordsNoteSource(store), Keywords.Value);
        var (findings, visits, notesFound) = await check.CheckAsync(claim, cancellationToken).ConfigureAwait(false);

        var name = BillingBlobs.DocumentationFindings(input.FileId, input.Index);
        await store.WriteJsonAsync(StorageNames.Work, name, findings, null, cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(notesFound == visits && visits > 0 ? "NotesFound" : "NotesMissing",
            $"notes:{notesFound}/{visits}");
        return new DocumentationStored(findings.Count, CheckClaimActivity.Highest([.. findings]), visits, notesFound,
            name);
    }
}
