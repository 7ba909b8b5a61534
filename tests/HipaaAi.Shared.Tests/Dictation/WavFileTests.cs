using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class WavFileTests
{
    [Fact]
    public void ReadMono_WrittenMono16_RoundTripsRateDurationAndSamples()
    {
        // Arrange
        var tone = TestAudio.Tone(1.5);
        using var stream = new MemoryStream(TestAudio.Wav(tone));

        // Act
        var (info, samples) = WavFile.ReadMono(stream);

        // Assert
        Assert.Equal(16_000, info.SampleRate);
        Assert.Equal(1, info.Channels);
        Assert.Equal(16, info.BitsPerSample);
        Assert.Equal(TimeSpan.FromSeconds(1.5), info.Duration);
        Assert.Equal(tone.Length, samples.Length);
        Assert.All(Enumerable.Range(0, 200), index => Assert.Equal(tone[index], samples[index], 0.0001));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    public void ReadMono_StereoWithListChunkBeforeData_SkipsTheChunkAndMixesChannels(int bits)
    {
        // Arrange
        using var stream = new MemoryStream(TestAudio.StereoWav(44_100, bits, 0.5f, -0.1f, 4_410));

        // Act
        var (info, samples) = WavFile.ReadMono(stream);

        // Assert
        Assert.Equal(44_100, info.SampleRate);
        Assert.Equal(2, info.Channels);
        Assert.Equal(TimeSpan.FromSeconds(0.1), info.Duration);
        Assert.All(samples, sample => Assert.Equal(0.2, sample, 0.01));
    }

    [Fact]
    public void ReadInfo_DataSizeLargerThanTheFile_UsesWhatIsThere()
    {
        // Arrange: a recorder cut off mid-write leaves the declared size too large.
        var bytes = TestAudio.Wav(TestAudio.Tone(1));
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 40);

        // Act
        var info = WavFile.ReadInfo(new MemoryStream(bytes));

        // Assert
        Assert.Equal(bytes.Length - 44, info.DataBytes);
        Assert.Equal(TimeSpan.FromSeconds(1), info.Duration);
    }

    [Theory]
    [InlineData("RIFF\0\0\0\0WAVE")]
    [InlineData("RIFF\0\0\0\0WAVEdata\u0004\0\0\0abcd")]
    [InlineData("not a wav at all")]
    public void ReadInfo_BrokenChunks_ThrowInvalidAudio(string content)
    {
        // Arrange
        var stream = new MemoryStream(System.Text.Encoding.Latin1.GetBytes(content));

        // Act and assert
        Assert.Throws<InvalidAudioException>(() => WavFile.ReadInfo(stream));
    }
}
