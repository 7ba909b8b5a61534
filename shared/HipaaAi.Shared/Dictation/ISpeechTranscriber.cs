namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Turns a mono 16 kHz 16-bit WAV file into timed segments. <see cref="MaxUploadBytes"/> is the largest file it
/// accepts in one call; longer recordings are split first by <see cref="DictationTranscription"/>.
/// </summary>
public interface ISpeechTranscriber
{
    /// <summary>The engine name kept with the transcript and audited, e.g. <c>pocketsphinx-0.8</c>.</summary>
    string Engine { get; }

    /// <summary>True when the engine is known to be unreliable on clinical speech; drafts then say so.</summary>
    bool LowConfidence { get; }

    long MaxUploadBytes { get; }

    Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(string wavPath, CancellationToken cancellationToken);
}

/// <summary>A speech engine is not usable on this host (a missing model file or program); says what to install.</summary>
public sealed class TranscriberSetupException(string message) : Exception(message);
