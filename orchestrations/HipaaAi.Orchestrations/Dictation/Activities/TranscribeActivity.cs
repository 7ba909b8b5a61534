using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Activities;

/// <summary>
/// Transcribes the prepared recording with the configured engine (split on pauses when it is larger than the
/// engine takes at once) and keeps the timed segments in the work container.
/// </summary>
public sealed class TranscribeActivity(DocumentStore store, DictationTranscription transcription)
    : IWorkflowActivity<TranscribeInput, TranscribeResult>
{
    public async Task<TranscribeResult> RunAsync(
        TranscribeInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var audioName = DictationBlobs.Audio(input.DictationId);
        var audio = new BlobReference(StorageNames.Work, audioName, 0, string.Empty, "audio/wav");
        using var staged = await store.StageAsync(audio, cancellationToken).ConfigureAwait(false);

        var transcript = await transcription.TranscribeAsync(staged.Path, cancellationToken).ConfigureAwait(false);
        await store.WriteJsonAsync(StorageNames.Work, DictationBlobs.Transcript(input.DictationId), transcript, null,
            cancellationToken).ConfigureAwait(false);

        if (transcript.LowConfidence)
        {
            execution.ReportOutcome(Shared.Audit.AuditOutcomes.Succeeded, "LowConfidenceEngine");
        }

        return new TranscribeResult(transcript.Engine, transcript.LowConfidence, transcript.Segments.Count,
            transcript.WordCount, transcript.Duration);
    }
}
