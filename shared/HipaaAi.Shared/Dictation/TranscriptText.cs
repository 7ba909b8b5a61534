namespace HipaaAi.Shared.Dictation;

/// <summary>
/// The transcript as one string (<see cref="Transcript.Text"/>) with the character range of each segment in it, so a
/// span of text can be turned back into the time it was spoken.
/// </summary>
public sealed class TranscriptText
{
    private readonly List<(int Start, int End, TranscriptSegment Segment)> _ranges = [];

    public TranscriptText(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);

        var position = 0;
        foreach (var segment in transcript.Segments)
        {
            var text = segment.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (_ranges.Count > 0)
            {
                position++;
            }

            _ranges.Add((position, position + text.Length, segment));
            position += text.Length;
        }

        Text = transcript.Text;
    }

    public string Text { get; }

    /// <summary>The segments' character ranges, in order.</summary>
    public IEnumerable<(int Start, int End)> SegmentRanges => _ranges.Select(range => (range.Start, range.End));

    /// <summary>When the characters [start, start + length) were spoken: from the first to the last segment they touch.</summary>
    public (TimeSpan From, TimeSpan To) TimeOf(int start, int length)
    {
        var touched = _ranges.Where(range => range.Start < start + length && range.End > start).ToList();
        return touched.Count == 0
            ? (TimeSpan.Zero, TimeSpan.Zero)
            : (touched[0].Segment.Start, touched[^1].Segment.End);
    }

    public NoteSentence Sentence(NotePart part, int start, int length)
    {
        var (from, to) = TimeOf(start, length);
        return new NoteSentence(part, Text.Substring(start, length), start, length, from, to);
    }
}
