using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Activities;

/// <summary>
/// Drafts the note from the transcript and holds it to the grounding rule whatever drafted it: a sentence that is not
/// the transcript's text at its span is left out and counted. Keeps the draft (JSON and text) in the work container.
/// </summary>
public sealed class DraftNoteActivity(DocumentStore store, IClinicalNoteDrafter drafter)
    : IWorkflowActivity<DraftNoteInput, DraftNoteResult>
{
    public async Task<DraftNoteResult> RunAsync(
        DraftNoteInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var transcript = await store.ReadJsonAsync<Transcript>(StorageNames.Work,
            DictationBlobs.Transcript(input.DictationId), cancellationToken).ConfigureAwait(false);
        var drafted = await drafter.DraftAsync(transcript, cancellationToken).ConfigureAwait(false);

        var ungrounded = NoteGrounding.Ungrounded(drafted, transcript);
        var draft = ungrounded.Count == 0
            ? drafted
            : drafted with { Sentences = drafted.Sentences.Except(ungrounded).ToList() };
        if (ungrounded.Count > 0)
        {
            execution.ReportOutcome(Shared.Audit.AuditOutcomes.Succeeded, $"UngroundedDropped:{ungrounded.Count}");
        }

        await store.WriteJsonAsync(StorageNames.Work, DictationBlobs.Draft(input.DictationId), draft, null,
            cancellationToken).ConfigureAwait(false);
        var textBlob = DictationBlobs.DraftText(input.DictationId);
        await store.Container(StorageNames.Work).GetBlobClient(textBlob)
            .UploadAsync(BinaryData.FromString(NoteRenderer.Render(draft)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);

        var byPart = Enum.GetValues<NotePart>().ToDictionary(part => part, part => draft.In(part).Count);
        return new DraftNoteResult(draft.DraftEngine, draft.Sentences.Count, byPart, ungrounded.Count,
            $"{StorageNames.Work}/{textBlob}");
    }
}
