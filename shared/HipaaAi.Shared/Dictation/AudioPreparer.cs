using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Inspects a recording and turns it into the one form every engine and the splitter work in: mono 16-bit PCM WAV at
/// 16 kHz. WAV is parsed here; other formats are decoded by <c>sox</c> (MP3 needs <c>libsox-fmt-mp3</c>) or, when it
/// is installed, <c>ffmpeg</c> (the only local decoder of M4A, AMR, WMA). A format nothing here can decode is
/// Unsupported, never guessed at.
/// </summary>
public sealed class AudioPreparer(AudioLimits limits)
{
    public const int EngineSampleRate = 16_000;

    private static readonly ExternalTool Sox = new("sox", "sox", "sox");
    private static readonly ExternalTool Ffmpeg = new("ffmpeg", "ffmpeg", "ffmpeg");
    private static readonly TimeSpan DecodeTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Inspects <paramref name="sourcePath"/> and, when it is accepted, writes the 16 kHz mono WAV to
    /// <paramref name="canonicalPath"/>.
    /// </summary>
    public async Task<AudioInspection> PrepareAsync(string sourcePath, string canonicalPath, CancellationToken token)
    {
        var size = new FileInfo(sourcePath).Length;
        if (size == 0)
        {
            return AudioInspection.Rejected(AudioVerdict.Empty, AudioFormat.Unknown, 0, "The file has no bytes.");
        }

        var header = new byte[AudioFormatSniffer.HeaderBytes];
        int read;
        await using (var file = File.OpenRead(sourcePath))
        {
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, token)
                .ConfigureAwait(false);
        }

        var format = AudioFormatSniffer.Sniff(header.AsSpan(0, read));
        if (format == AudioFormat.Unknown)
        {
            return AudioInspection.Rejected(AudioVerdict.Unsupported, format, size, "The bytes are not a known audio format.");
        }

        if (size > limits.MaxBytes)
        {
            return AudioInspection.Rejected(AudioVerdict.TooLarge, format, size,
                $"The file is larger than {limits.MaxBytes / (1024 * 1024)} MB.");
        }

        var original = format == AudioFormat.Wav ? ReadWavHeader(sourcePath) : null;
        if (format == AudioFormat.Wav && original is null)
        {
            return AudioInspection.Rejected(AudioVerdict.Corrupt, format, size, "The WAV chunks cannot be read.");
        }

        var decoded = await DecodeAsync(sourcePath, format, original, canonicalPath, token).ConfigureAwait(false);
        if (decoded is not null)
        {
            return AudioInspection.Rejected(decoded.Value.Verdict, format, size, decoded.Value.Reason);
        }

        float[] samples;
        await using (var canonical = File.OpenRead(canonicalPath))
        {
            samples = WavFile.ReadMono(canonical).Samples;
        }

        var duration = TimeSpan.FromSeconds((double)samples.Length / EngineSampleRate);
        var levels = AudioLevels.Measure(samples, EngineSampleRate);
        var inspection = new AudioInspection(AudioVerdict.Accepted, format, size, original?.Duration ?? duration,
            original?.SampleRate ?? 0, original?.Channels ?? 0, levels.Speech, levels.PeakDbfs, null);

        if (original is { } wav && wav.SampleRate < limits.MinSampleRate)
        {
            return inspection with { Verdict = AudioVerdict.Unsupported, Reason = "The sample rate is below 8 kHz." };
        }

        if (duration < limits.MinDuration)
        {
            return inspection with { Verdict = AudioVerdict.TooShort, Reason = "The recording is shorter than 0.5 s." };
        }

        if (duration > limits.MaxDuration)
        {
            return inspection with { Verdict = AudioVerdict.TooLong, Reason = "The recording is longer than allowed." };
        }

        return levels.IsSilent
            ? inspection with { Verdict = AudioVerdict.Silent, Reason = "No speech was found in the recording." }
            : inspection;
    }

    private static WavInfo? ReadWavHeader(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var info = WavFile.ReadInfo(stream);
            return info.IsPcm && info.Channels > 0 && info.SampleRate > 0 ? info : null;
        }
        catch (Exception failure) when (failure is InvalidAudioException or EndOfStreamException)
        {
            return null;
        }
    }

    private static async Task<(AudioVerdict Verdict, string Reason)?> DecodeAsync(
        string sourcePath,
        AudioFormat format,
        WavInfo? wav,
        string canonicalPath,
        CancellationToken token)
    {
        if (wav is { SampleRate: EngineSampleRate, Channels: 1, BitsPerSample: 16 })
        {
            File.Copy(sourcePath, canonicalPath, overwrite: true);
            return null;
        }

        if (wav is not null)
        {
            // Resampling is sox's job; the mix-down and format change would be easy here, the filter is not.
            return await RunDecoderAsync(Sox, SoxArguments(sourcePath, canonicalPath), canonicalPath, token)
                .ConfigureAwait(false);
        }

        var workDirectory = Path.GetDirectoryName(canonicalPath)!;
        if (format is AudioFormat.Mp3 or AudioFormat.Flac or AudioFormat.Ogg && OnPath("sox"))
        {
            // sox decides the input type from the extension, so give it a name that says the sniffed format.
            var typed = Path.Combine(workDirectory, "source" + AudioFormatSniffer.Extension(format));
            File.Copy(sourcePath, typed, overwrite: true);
            try
            {
                return await RunDecoderAsync(Sox, SoxArguments(typed, canonicalPath), canonicalPath, token)
                    .ConfigureAwait(false);
            }
            finally
            {
                File.Delete(typed);
            }
        }

        if (OnPath("ffmpeg"))
        {
            string[] arguments = ["-nostdin", "-v", "error", "-y", "-i", sourcePath, "-ac", "1", "-ar",
                EngineSampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:a", "pcm_s16le",
                canonicalPath];
            return await RunDecoderAsync(Ffmpeg, arguments, canonicalPath, token).ConfigureAwait(false);
        }

        return (AudioVerdict.Unsupported, $"No decoder for {format} is installed on this host.");
    }

    private static string[] SoxArguments(string input, string output) =>
        ["-V1", input, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", output];

    private static async Task<(AudioVerdict Verdict, string Reason)?> RunDecoderAsync(
        ExternalTool tool,
        IEnumerable<string> arguments,
        string canonicalPath,
        CancellationToken token)
    {
        var result = await tool.RunAsync(arguments, Path.GetDirectoryName(canonicalPath)!, DecodeTimeout, token)
            .ConfigureAwait(false);
        return result.ExitCode == 0 && File.Exists(canonicalPath) && new FileInfo(canonicalPath).Length > 44
            ? null
            : (AudioVerdict.Corrupt, $"{tool.Name} could not decode the audio (exit {result.ExitCode}).");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(directory => File.Exists(Path.Combine(directory, program)));
}
