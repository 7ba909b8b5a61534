namespace HipaaAi.Shared.Dictation;

/// <summary>One piece of a long recording: samples [Start, End) and where it begins in the whole.</summary>
public sealed record AudioChunk(int Index, long StartSample, long EndSample, int SampleRate)
{
    public TimeSpan Offset => TimeSpan.FromSeconds((double)StartSample / SampleRate);

    public long Samples => EndSample - StartSample;
}

/// <summary>
/// Cuts a recording that is too large for one upload into pieces under the limit, each cut in the quietest stretch
/// of the last fifth of the window so words are not split, and never inside speech when a pause exists there.
/// </summary>
public static class AudioChunkPlanner
{
    /// <summary>The transcription service refuses uploads above 25 MB.</summary>
    public const long ServiceUploadLimitBytes = 25L * 1024 * 1024;

    public static IReadOnlyList<AudioChunk> Plan(AudioLevels levels, long totalSamples, long maxChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(levels);

        var maxSamples = (maxChunkBytes - 44) / 2;
        if (maxSamples < levels.SamplesPerFrame * 10L)
        {
            throw new ArgumentOutOfRangeException(nameof(maxChunkBytes), maxChunkBytes, "A chunk must hold 10 frames.");
        }

        var chunks = new List<AudioChunk>();
        long start = 0;
        while (totalSamples - start > maxSamples)
        {
            var windowEnd = start + maxSamples;
            var searchFrom = start + (maxSamples * 4 / 5);
            var cut = QuietestFrameBoundary(levels, searchFrom, windowEnd);
            chunks.Add(new AudioChunk(chunks.Count, start, cut, levels.SampleRate));
            start = cut;
        }

        chunks.Add(new AudioChunk(chunks.Count, start, totalSamples, levels.SampleRate));
        return chunks;
    }

    private static long QuietestFrameBoundary(AudioLevels levels, long fromSample, long toSample)
    {
        var firstFrame = (int)Math.Min(levels.FrameDbfs.Count - 1, fromSample / levels.SamplesPerFrame);
        var lastFrame = (int)Math.Min(levels.FrameDbfs.Count - 1, (toSample / levels.SamplesPerFrame) - 1);
        if (lastFrame < firstFrame)
        {
            return toSample;
        }

        // The middle of the longest run of quiet frames; failing that, the single quietest frame.
        int bestStart = -1, bestLength = 0, runStart = -1;
        for (var frame = firstFrame; frame <= lastFrame + 1; frame++)
        {
            var quiet = frame <= lastFrame && !AudioLevels.IsSpeech(levels.FrameDbfs[frame]);
            if (quiet && runStart < 0)
            {
                runStart = frame;
            }
            else if (!quiet && runStart >= 0)
            {
                if (frame - runStart > bestLength)
                {
                    (bestStart, bestLength) = (runStart, frame - runStart);
                }

                runStart = -1;
            }
        }

        var cutFrame = bestLength > 0
            ? bestStart + (bestLength / 2)
            : Enumerable.Range(firstFrame, lastFrame - firstFrame + 1).MinBy(frame => levels.FrameDbfs[frame]);
        return Math.Min(toSample, (long)cutFrame * levels.SamplesPerFrame);
    }
}
