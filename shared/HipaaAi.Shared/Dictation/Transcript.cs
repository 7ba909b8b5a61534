namespace HipaaAi.Shared.Dictation;

/// <summary>One stretch of recognised speech with its place in the recording.</summary>
public sealed record TranscriptSegment(int Index, TimeSpan Start, TimeSpan End, string Text, double? Confidence);

/// <summary>
/// A whole transcript as kept in the work container. <see cref="LowConfidence"/> is true when the engine is known to
/// be unreliable on this kind of audio (the offline fallback): every draft made from it must say so.
/// </summary>
public sealed record Transcript(string Engine, bool LowConfidence, TimeSpan Duration, IReadOnlyList<TranscriptSegment> Segments)
{
    public static Transcript Empty(string engine, bool lowConfidence, TimeSpan duration) =>
        new(engine, lowConfidence, duration, []);

    public int WordCount => Segments.Sum(segment =>
        segment.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length);

    /// <summary>The text the drafter reads: segments joined by single spaces, in order.</summary>
    public string Text => string.Join(' ', Segments.Select(segment => segment.Text.Trim()).Where(text => text.Length > 0));
}

/// <summary>Puts the transcripts of consecutive chunks back on the timeline of the whole recording.</summary>
public static class TranscriptStitcher
{
    public static Transcript Stitch(
        string engine,
        bool lowConfidence,
        TimeSpan duration,
        IReadOnlyList<(AudioChunk Chunk, IReadOnlyList<TranscriptSegment> Segments)> pieces)
    {
        ArgumentNullException.ThrowIfNull(pieces);

        var stitched = new List<TranscriptSegment>();
        foreach (var (chunk, segments) in pieces.OrderBy(piece => piece.Chunk.Index))
        {
            var chunkEnd = chunk.Offset + TimeSpan.FromSeconds((double)chunk.Samples / chunk.SampleRate);
            foreach (var segment in segments.Where(segment => !string.IsNullOrWhiteSpace(segment.Text)))
            {
                // Engines sometimes report an end a little past the audio they were given; keep it inside the chunk.
                var start = chunk.Offset + segment.Start;
                var end = chunk.Offset + segment.End;
                stitched.Add(new TranscriptSegment(stitched.Count, Min(start, chunkEnd), Min(end, chunkEnd),
                    segment.Text.Trim(), segment.Confidence));
            }
        }

        return new Transcript(engine, lowConfidence, duration, stitched);
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
