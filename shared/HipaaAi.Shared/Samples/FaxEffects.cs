namespace HipaaAi.Shared.Samples;

/// <summary>
/// How a rendered page is degraded to look like a received fax. Rotations map a 1-based page number to a clockwise
/// quarter turn (90, 180 or 270) for pages that were fed into the machine sideways or upside down.
/// </summary>
public sealed record FaxEffects(
    double NoiseRate,
    double MaxSkewDegrees,
    int MaxJitterPixels,
    IReadOnlyDictionary<int, int> Rotations)
{
    /// <summary>A clean line: thresholded only.</summary>
    public static FaxEffects None { get; } = new(0, 0, 0, new Dictionary<int, int>());

    /// <summary>A typical received fax: light speckle, under a degree of skew, one-pixel feeder jitter.</summary>
    public static FaxEffects Typical { get; } = new(0.002, 0.6, 1, new Dictionary<int, int>());

    public FaxEffects WithRotation(int pageNumber, int clockwiseDegrees) =>
        this with { Rotations = new Dictionary<int, int>(Rotations) { [pageNumber] = clockwiseDegrees } };
}
