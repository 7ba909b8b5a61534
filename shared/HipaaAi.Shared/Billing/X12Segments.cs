namespace HipaaAi.Shared.Billing;

/// <summary>The four delimiters an interchange declares in its ISA segment.</summary>
/// <param name="Element">ISA position 4 (the character after "ISA").</param>
/// <param name="Repetition">ISA11 in 00501 and later.</param>
/// <param name="Component">ISA16.</param>
/// <param name="Segment">The character right after ISA16.</param>
public sealed record X12Delimiters(char Element, char Repetition, char Component, char Segment)
{
    /// <summary>The delimiters most trading partners use: * ^ : ~.</summary>
    public static X12Delimiters Default { get; } = new('*', '^', ':', '~');
}

/// <summary>One segment: its elements (index 0 is the segment id) and its 1-based position in the file.</summary>
public sealed class X12Segment(string[] elements, int index)
{
    /// <summary>The segment id, e.g. CLM.</summary>
    public string Id => elements[0];

    /// <summary>1-based position of the segment in the file, counting from the first ISA.</summary>
    public int Index { get; } = index;

    /// <summary>How many data elements follow the id.</summary>
    public int ElementCount => elements.Length - 1;

    /// <summary>Element <paramref name="position"/> (1-based, as X12 numbers them), or "" when absent.</summary>
    public string this[int position] => position < elements.Length ? elements[position] : string.Empty;

    /// <summary>The components of element <paramref name="position"/>.</summary>
    public string[] Components(int position, char separator) => this[position].Split(separator);

    /// <summary>An exception that points at this segment and one of its elements.</summary>
    public X12ParseException Error(string problem, int? element = null) => new(problem, Index, Id, element);
}

/// <summary>
/// Splits an X12 file into segments: reads the delimiters from each ISA (fixed-width, 106 characters), then cuts at
/// the segment terminator, tolerating CR/LF after terminators and several interchanges in one file.
/// </summary>
public static class X12Tokenizer
{
    private const int IsaElementCount = 16;

    /// <summary>Reads every interchange in <paramref name="text"/> as its delimiters and segments.</summary>
    public static IReadOnlyList<(X12Delimiters Delimiters, IReadOnlyList<X12Segment> Segments)> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var interchanges = new List<(X12Delimiters, IReadOnlyList<X12Segment>)>();
        var position = SkipWhitespace(text, 0);
        var segmentIndex = 0;
        if (position >= text.Length)
        {
            throw new X12ParseException("The X12 input is empty");
        }

        while (position < text.Length)
        {
            var delimiters = ReadDelimiters(text, position, segmentIndex + 1);
            var segments = new List<X12Segment>();
            var closed = false;
            while (position < text.Length && !closed)
            {
                var end = text.IndexOf(delimiters.Segment, position);
                var length = (end < 0 ? text.Length : end) - position;
                var raw = text.AsSpan(position, length).TrimEnd('\r').Trim('\n');
                position = end < 0 ? text.Length : SkipLineBreaks(text, end + 1);
                if (raw.IsEmpty)
                {
                    continue;
                }

                segmentIndex++;
                var elements = raw.ToString().Split(delimiters.Element);
                if (elements[0].Length is < 2 or > 3 || !elements[0].All(char.IsAsciiLetterOrDigit))
                {
                    throw new X12ParseException("segment id is not 2-3 letters or digits", segmentIndex);
                }

                if (end < 0)
                {
                    throw new X12ParseException("the last segment has no segment terminator", segmentIndex,
                        elements[0]);
                }

                segments.Add(new X12Segment(elements, segmentIndex));
                closed = elements[0] == "IEA";
            }

            if (!closed)
            {
                throw new X12ParseException("the interchange ends without an IEA segment", segmentIndex);
            }

            interchanges.Add((delimiters, segments));
            position = SkipWhitespace(text, position);
        }

        return interchanges;
    }

    private static X12Delimiters ReadDelimiters(string text, int start, int segmentIndex)
    {
        if (text.Length - start < 106 || string.CompareOrdinal(text, start, "ISA", 0, 3) != 0)
        {
            throw new X12ParseException("an interchange must start with a 106-character ISA segment", segmentIndex,
                "ISA");
        }

        var element = text[start + 3];
        if (char.IsAsciiLetterOrDigit(element) || char.IsWhiteSpace(element))
        {
            throw new X12ParseException("the element separator must be a special character", segmentIndex, "ISA");
        }

        // ISA is fixed width, but some senders trim padding; count separators instead of trusting offsets.
        var separators = 0;
        var cursor = start + 3;
        var repetitionStart = -1;
        while (cursor < text.Length && separators < IsaElementCount)
        {
            if (text[cursor] == element)
            {
                separators++;
                if (separators == 11)
                {
                    repetitionStart = cursor + 1;
                }
            }

            cursor++;
        }

        if (separators < IsaElementCount || cursor + 1 >= text.Length)
        {
            throw new X12ParseException("the ISA segment has fewer than 16 elements", segmentIndex, "ISA");
        }

        var component = text[cursor];
        var segment = text[cursor + 1];
        // Before 00501, ISA11 was a standards identifier ("U"), not a repetition separator.
        var repetition = repetitionStart >= 0 && text[repetitionStart + 1] == element
            && !char.IsAsciiLetterOrDigit(text[repetitionStart]) ? text[repetitionStart] : '^';
        if (char.IsAsciiLetterOrDigit(segment) || segment == element || segment == component
            || component == element || char.IsAsciiLetterOrDigit(component))
        {
            throw new X12ParseException("ISA16 and the segment terminator must be distinct special characters",
                segmentIndex, "ISA", 16);
        }

        return new X12Delimiters(element, repetition, component, segment);
    }

    private static int SkipLineBreaks(string text, int position)
    {
        while (position < text.Length && text[position] is '\r' or '\n')
        {
            position++;
        }

        return position;
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && (char.IsWhiteSpace(text[position]) || text[position] == '\uFEFF'))
        {
            position++;
        }

        return position;
    }
}
