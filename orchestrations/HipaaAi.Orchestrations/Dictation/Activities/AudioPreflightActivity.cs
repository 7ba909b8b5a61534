using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Activities;

/// <summary>
/// Confirms the blob is still the one delivered, then checks the recording: real format from its bytes, duration,
/// sample rate, channels, size and speech. An accepted recording is kept in the work container as 16 kHz mono WAV,
/// the one form transcription reads.
/// </summary>
public sealed class AudioPreflightActivity(DocumentStore store, AudioPreparer preparer)
    : IWorkflowActivity<AudioPreflightInput, AudioPreflightResult>
{
    public async Task<AudioPreflightResult> RunAsync(
        AudioPreflightInput input,
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
            return new AudioPreflightResult(AudioVerdict.Accepted, AudioFormat.Unknown, 0, TimeSpan.Zero, 0, 0,
                TimeSpan.Zero, null, ContentChanged: true);
        }

        using var staged = await store.StageAsync(input.Source, cancellationToken).ConfigureAwait(false);
        var canonicalPath = Path.Combine(Path.GetDirectoryName(staged.Path)!, "canonical.wav");
        var inspection = await preparer.PrepareAsync(staged.Path, canonicalPath, cancellationToken).ConfigureAwait(false);

        if (inspection.IsAccepted)
        {
            await store.Container(StorageNames.Work).GetBlobClient(DictationBlobs.Audio(input.DictationId))
                .UploadAsync(canonicalPath, overwrite: true, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            execution.ReportOutcome(inspection.Verdict.ToString(), inspection.Format.ToString());
        }

        return new AudioPreflightResult(inspection.Verdict, inspection.Format, inspection.SizeBytes, inspection.Duration,
            inspection.SampleRate, inspection.Channels, inspection.Speech, inspection.Reason, ContentChanged: false);
    }
}
