namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Transcribes a prepared recording with the configured engine: in one call when it fits the engine's upload limit,
/// otherwise cut on pauses into pieces under the limit whose segments are put back on the whole timeline.
/// </summary>
public sealed class DictationTranscription(ISpeechTranscriber transcriber)
{
    public async Task<Transcript> TranscribeAsync(string canonicalWavPath, CancellationToken cancellationToken)
    {
        float[] samples;
        int sampleRate;
        await using (var stream = File.OpenRead(canonicalWavPath))
        {
            var (info, read) = WavFile.ReadMono(stream);
            (samples, sampleRate) = (read, info.SampleRate);
        }

        var duration = TimeSpan.FromSeconds((double)samples.Length / sampleRate);
        var levels = AudioLevels.Measure(samples, sampleRate);
        if (levels.IsSilent)
        {
            // Nothing was said: an empty transcript, never what an engine imagines in noise.
            return Transcript.Empty(transcriber.Engine, transcriber.LowConfidence, duration);
        }

        var chunks = WavFile.Mono16Bytes(samples.Length) <= transcriber.MaxUploadBytes
            ? [new AudioChunk(0, 0, samples.Length, sampleRate)]
            : AudioChunkPlanner.Plan(levels, samples.Length, transcriber.MaxUploadBytes);

        var pieces = new List<(AudioChunk, IReadOnlyList<TranscriptSegment>)>(chunks.Count);
        var directory = Path.GetDirectoryName(canonicalWavPath)!;
        foreach (var chunk in chunks)
        {
            if (chunks.Count == 1)
            {
                pieces.Add((chunk, await transcriber.TranscribeAsync(canonicalWavPath, cancellationToken)
                    .ConfigureAwait(false)));
                continue;
            }

            var chunkPath = Path.Combine(directory, $"chunk-{chunk.Index:D3}.wav");
            try
            {
                await using (var output = File.Create(chunkPath))
                {
                    WavFile.WriteMono16(output, samples.AsSpan((int)chunk.StartSample, (int)chunk.Samples), sampleRate);
                }

                pieces.Add((chunk, await transcriber.TranscribeAsync(chunkPath, cancellationToken).ConfigureAwait(false)));
            }
            finally
            {
                File.Delete(chunkPath);
            }
        }

        return TranscriptStitcher.Stitch(transcriber.Engine, transcriber.LowConfidence, duration, pieces);
    }
}
