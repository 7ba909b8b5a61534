using Whisper.net;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Offline Whisper through Whisper.net (whisper.cpp) with a ggml model file named by <c>Dictation:WhisperModelPath</c>.
/// No model ships with the product and none can be downloaded here: a configured path without a file is a setup
/// error that says so, never a silent fall back. Greedy decoding at temperature 0, English, segment timestamps.
/// </summary>
public sealed class WhisperNetTranscriber : ISpeechTranscriber, IDisposable
{
    private readonly Lazy<WhisperFactory> _factory;

    public WhisperNetTranscriber(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);

        ModelPath = modelPath;
        _factory = new Lazy<WhisperFactory>(() => File.Exists(modelPath)
            ? WhisperFactory.FromPath(modelPath)
            : throw new TranscriberSetupException(
                $"Dictation:WhisperModelPath names a Whisper model file that does not exist ({Path.GetFileName(modelPath)}). " +
                "Put a ggml model (for example ggml-base.en.bin) there, or remove the setting to use PocketSphinx."));
    }

    public string ModelPath { get; }

    public string Engine => $"whisper.net:{Path.GetFileNameWithoutExtension(ModelPath)}";

    public bool LowConfidence => false;

    /// <summary>Whisper reads 30-second windows itself; pieces keep one call's memory bounded.</summary>
    public long MaxUploadBytes => AudioChunkPlanner.ServiceUploadLimitBytes;

    public async Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
    {
        using var processor = _factory.Value.CreateBuilder()
            .WithLanguage("en")
            .WithTemperature(0)
            .WithProbabilities()
            .Build();
        await using var audio = File.OpenRead(wavPath);

        var segments = new List<TranscriptSegment>();
        await foreach (var segment in processor.ProcessAsync(audio, cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrWhiteSpace(segment.Text))
            {
                segments.Add(new TranscriptSegment(segments.Count, segment.Start, segment.End, segment.Text.Trim(),
                    segment.Probability));
            }
        }

        return segments;
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
