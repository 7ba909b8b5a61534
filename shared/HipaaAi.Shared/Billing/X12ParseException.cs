namespace HipaaAi.Shared.Billing;

/// <summary>
/// An X12 file that cannot be read. The message names the position (1-based segment index from the ISA, the segment id
/// and the element) and what is wrong with it, never the element's content, which may be PHI.
/// </summary>
public sealed class X12ParseException : Exception
{
    /// <summary>Creates the exception for a position in the interchange.</summary>
    public X12ParseException(string problem, int segmentIndex, string? segmentId = null, int? element = null)
        : base(Describe(problem, segmentIndex, segmentId, element))
    {
        Problem = problem;
        SegmentIndex = segmentIndex;
        SegmentId = segmentId;
        Element = element;
    }

    /// <summary>Creates the exception with no position (e.g. an empty file).</summary>
    public X12ParseException(string message) : base(message)
    {
        Problem = message;
    }

    /// <summary>Creates the exception with no position.</summary>
    public X12ParseException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public X12ParseException() : this("The X12 input could not be read")
    {
    }

    /// <summary>What is wrong, without position.</summary>
    public string Problem { get; }

    /// <summary>1-based index of the offending segment, counting from the ISA; 0 when unknown.</summary>
    public int SegmentIndex { get; }

    /// <summary>The segment id (CLM, SV1, ...), if known.</summary>
    public string? SegmentId { get; }

    /// <summary>1-based element position within the segment, if the problem is in one element.</summary>
    public int? Element { get; }

    private static string Describe(string problem, int segmentIndex, string? segmentId, int? element)
    {
        var where = $"segment {segmentIndex}";
        if (segmentId is not null)
        {
            where += $" ({segmentId})";
        }

        if (element is int position)
        {
            where += $" element {segmentId}{position:00}";
        }

        return $"X12 error at {where}: {problem}";
    }
}
