using System.Globalization;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Activities;

/// <summary>
/// Makes the signed note final: the plain text and the FHIR R4 DocumentReference go to the outbox for the EHR
/// interface. Only called after a provider approved; an edit-and-approve comment becomes the labeled amendment.
/// The patient is taken from the dictation system's <c>patientid</c> metadata on the source blob when it has one.
/// </summary>
public sealed class FinalizeNoteActivity(DocumentStore store, TimeProvider timeProvider)
    : IWorkflowActivity<FinalizeNoteInput, FinalizeNoteResult>
{
    public const string PatientMetadataKey = "patientid";

    public async Task<FinalizeNoteResult> RunAsync(
        FinalizeNoteInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var draft = await store.ReadJsonAsync<ClinicalNoteDraft>(StorageNames.Work,
            DictationBlobs.Draft(input.DictationId), cancellationToken).ConfigureAwait(false);
        var transcript = await store.ReadJsonAsync<Transcript>(StorageNames.Work,
            DictationBlobs.Transcript(input.DictationId), cancellationToken).ConfigureAwait(false);
        var source = await store.Container(input.Source.Container).GetBlobClient(input.Source.Name)
            .GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        source.Value.Metadata.TryGetValue(PatientMetadataKey, out var patient);

        var amendment = input.Decision == Shared.Approvals.ApprovalDecision.EditAndApprove ? input.Amendment : null;
        var note = new SignedNote(input.DictationId, draft, input.SignedBy, input.SignedAt,
            source.Value.CreatedOn, transcript.Duration, amendment);
        var text = NoteRenderer.Render(note);
        var reference = NoteDocumentReference.Build(note, text, patient);

        var metadata = new Dictionary<string, string>
        {
            ["dictationid"] = input.DictationId,
            ["instanceid"] = execution.InstanceId,
            ["finalizedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var outbox = store.Container(StorageNames.Outbox);
        var textName = DictationBlobs.NoteText(input.DictationId);
        var referenceName = DictationBlobs.DocumentReference(input.DictationId);
        await outbox.GetBlobClient(textName).UploadAsync(BinaryData.FromString(text),
            new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
                Metadata = metadata,
            }, cancellationToken).ConfigureAwait(false);
        await outbox.GetBlobClient(referenceName).UploadAsync(
            BinaryData.FromString(NoteDocumentReference.ToJson(reference)),
            new Azure.Storage.Blobs.Models.BlobUploadOptions
            {
                HttpHeaders = new Azure.Storage.Blobs.Models.BlobHttpHeaders { ContentType = "application/fhir+json" },
                Metadata = metadata,
            }, cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(Shared.Audit.AuditOutcomes.Succeeded, input.Decision.ToString());
        return new FinalizeNoteResult($"{StorageNames.Outbox}/{referenceName}", $"{StorageNames.Outbox}/{textName}",
            text.Length);
    }
}
