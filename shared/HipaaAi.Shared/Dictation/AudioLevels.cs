namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Loudness of mono audio in short frames. A frame is speech when its RMS level is above a threshold in dBFS;
/// recordings with less than <see cref="MinimumSpeech"/> of speech are silent, whatever their length.
/// </summary>
public sealed class AudioLevels
{
    public const int FrameMilliseconds = 20;

    /// <summary>Quiet room noise and dictation-device hiss sit well under this; speech sits well above.</summary>
    public const double SpeechThresholdDbfs = -45;

    public static TimeSpan MinimumSpeech { get; } = TimeSpan.FromMilliseconds(300);

    private AudioLevels(int sampleRate, int samplesPerFrame, double[] frameDbfs)
    {
        SampleRate = sampleRate;
        SamplesPerFrame = samplesPerFrame;
        FrameDbfs = frameDbfs;
    }

    public int SampleRate { get; }

    public int SamplesPerFrame { get; }

    /// <summary>RMS level of each frame in dBFS (-120 for digital silence).</summary>
    public IReadOnlyList<double> FrameDbfs { get; }

    public TimeSpan Speech => TimeSpan.FromMilliseconds(FrameDbfs.Count(IsSpeech) * (double)FrameMilliseconds);

    public double PeakDbfs => FrameDbfs.Count == 0 ? -120 : FrameDbfs.Max();

    public bool IsSilent => Speech < MinimumSpeech;

    public static AudioLevels Measure(ReadOnlySpan<float> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);

        var perFrame = Math.Max(1, sampleRate * FrameMilliseconds / 1000);
        var frames = new double[samples.Length / perFrame];
        for (var frame = 0; frame < frames.Length; frame++)
        {
            double sum = 0;
            foreach (var sample in samples.Slice(frame * perFrame, perFrame))
            {
                sum += sample * (double)sample;
            }

            var rms = Math.Sqrt(sum / perFrame);
            frames[frame] = rms <= 1e-6 ? -120 : Math.Max(-120, 20 * Math.Log10(rms));
        }

        return new AudioLevels(sampleRate, perFrame, frames);
    }

    public static bool IsSpeech(double dbfs) => dbfs > SpeechThresholdDbfs;
}
