namespace HipaaAi.Shared.Dictation;

/// <summary>What preflight decided about a recording. Every verdict but Accepted ends in quarantine with the reason.</summary>
public enum AudioVerdict
{
    Accepted,
    Empty,
    Unsupported,
    Corrupt,
    TooLarge,
    TooShort,
    TooLong,
    Silent,
}

/// <summary>Limits a recording must meet; dictations are minutes long, a few hours at most.</summary>
public sealed record AudioLimits(long MaxBytes, TimeSpan MinDuration, TimeSpan MaxDuration, int MinSampleRate)
{
    public static AudioLimits Default { get; } =
        new(512L * 1024 * 1024, TimeSpan.FromMilliseconds(500), TimeSpan.FromHours(3), 8_000);
}

/// <summary>
/// The facts preflight found (format from the bytes, duration, sample rate, channels, size, speech) and the verdict.
/// <see cref="Reason"/> is a short content-free sentence for the quarantine metadata.
/// </summary>
public sealed record AudioInspection(
    AudioVerdict Verdict,
    AudioFormat Format,
    long SizeBytes,
    TimeSpan Duration,
    int SampleRate,
    int Channels,
    TimeSpan Speech,
    double PeakDbfs,
    string? Reason)
{
    public bool IsAccepted => Verdict == AudioVerdict.Accepted;

    public static AudioInspection Rejected(AudioVerdict verdict, AudioFormat format, long size, string reason) =>
        new(verdict, format, size, TimeSpan.Zero, 0, 0, TimeSpan.Zero, -120, reason);
}
