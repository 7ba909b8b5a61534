using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class AudioPreparerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hipaaai-test-").FullName;
    private readonly AudioPreparer _preparer = new(AudioLimits.Default);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Canonical => Path.Combine(_folder, "canonical.wav");

    [Fact]
    public async Task PrepareAsync_Mono16kSpeech_IsAcceptedWithItsFactsAndCopiedAsIs()
    {
        // Arrange
        var path = TestAudio.WriteWav(_folder, "speech.wav", TestAudio.Join(TestAudio.Quiet(1), TestAudio.Tone(2)));

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.Accepted, inspection.Verdict);
        Assert.Equal(AudioFormat.Wav, inspection.Format);
        Assert.Equal((16_000, 1), (inspection.SampleRate, inspection.Channels));
        Assert.Equal(TimeSpan.FromSeconds(3), inspection.Duration);
        Assert.Equal(2.0, inspection.Speech.TotalSeconds, 0.05);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Canonical));
    }

    [Fact]
    public async Task PrepareAsync_PhoneM4aRecording_IsDecodedByFfmpegTo16kMono()
    {
        // Arrange: a 44.1 kHz stereo AAC recording, as phone dictation apps write (ffmpeg comes with ./hipaa setup).
        var wav = TestAudio.WriteWav(_folder, "speech-44k.wav",
            TestAudio.Join(TestAudio.Quiet(1, 44_100), TestAudio.Tone(2, 44_100)), 44_100);
        var m4a = Path.Combine(_folder, "dictation.m4a");
        var encode = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg",
            ["-nostdin", "-loglevel", "error", "-i", wav, "-ac", "2", "-c:a", "aac", "-b:a", "64k", m4a])
        {
            RedirectStandardError = true,
        })!;
        await encode.WaitForExitAsync();
        Assert.Equal(0, encode.ExitCode);

        // Act
        var inspection = await _preparer.PrepareAsync(m4a, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal((AudioVerdict.Accepted, AudioFormat.M4a), (inspection.Verdict, inspection.Format));
        var canonical = await _preparer.PrepareAsync(Canonical, Path.Combine(_folder, "again.wav"), CancellationToken.None);
        Assert.Equal((16_000, 1), (canonical.SampleRate, canonical.Channels));
        Assert.Equal(3.0, canonical.Duration.TotalSeconds, 0.1);
        Assert.Equal(2.0, canonical.Speech.TotalSeconds, 0.15);
    }

    [Fact]
    public async Task PrepareAsync_Silence_IsSilentWithAReason()
    {
        // Arrange
        var path = TestAudio.WriteWav(_folder, "quiet.wav", TestAudio.Quiet(8));

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.Silent, inspection.Verdict);
        Assert.Equal("No speech was found in the recording.", inspection.Reason);
    }

    [Fact]
    public async Task PrepareAsync_TextNamedWav_IsUnsupported()
    {
        // Arrange
        var path = Path.Combine(_folder, "fake.wav");
        await File.WriteAllTextAsync(path, "hello, this is not audio");

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.Unsupported, inspection.Verdict);
        Assert.False(File.Exists(Canonical));
    }

    [Fact]
    public async Task PrepareAsync_EmptyFile_IsEmpty()
    {
        // Arrange
        var path = Path.Combine(_folder, "empty.wav");
        await File.WriteAllBytesAsync(path, []);

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.Empty, inspection.Verdict);
    }

    [Fact]
    public async Task PrepareAsync_WavHeaderWithoutData_IsCorrupt()
    {
        // Arrange
        var path = Path.Combine(_folder, "cut.wav");
        await File.WriteAllBytesAsync(path, TestAudio.Wav(TestAudio.Tone(1))[..36]);

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.Corrupt, inspection.Verdict);
    }

    [Fact]
    public async Task PrepareAsync_ShortClick_IsTooShort()
    {
        // Arrange
        var path = TestAudio.WriteWav(_folder, "click.wav", TestAudio.Tone(0.3));

        // Act
        var inspection = await _preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.TooShort, inspection.Verdict);
    }

    [Fact]
    public async Task PrepareAsync_LargerThanTheLimit_IsTooLargeBeforeDecoding()
    {
        // Arrange
        var path = TestAudio.WriteWav(_folder, "big.wav", TestAudio.Tone(2));
        var preparer = new AudioPreparer(AudioLimits.Default with { MaxBytes = 1_000 });

        // Act
        var inspection = await preparer.PrepareAsync(path, Canonical, CancellationToken.None);

        // Assert
        Assert.Equal(AudioVerdict.TooLarge, inspection.Verdict);
    }
}
