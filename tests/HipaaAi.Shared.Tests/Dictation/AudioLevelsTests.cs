using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class AudioLevelsTests
{
    [Fact]
    public void Measure_DigitalSilence_IsSilent()
    {
        // Act
        var levels = AudioLevels.Measure(TestAudio.Quiet(5), 16_000);

        // Assert
        Assert.True(levels.IsSilent);
        Assert.Equal(TimeSpan.Zero, levels.Speech);
        Assert.Equal(-120, levels.PeakDbfs);
    }

    [Fact]
    public void Measure_FaintRoomNoise_IsSilent()
    {
        // Arrange
        var random = new Random(3);
        var noise = Enumerable.Range(0, 16_000 * 5).Select(_ => (float)((random.NextDouble() - 0.5) * 0.002)).ToArray();

        // Act
        var levels = AudioLevels.Measure(noise, 16_000);

        // Assert
        Assert.True(levels.IsSilent);
    }

    [Fact]
    public void Measure_OneSecondOfSpeechInSilence_CountsOnlyThatSecond()
    {
        // Arrange
        var audio = TestAudio.Join(TestAudio.Quiet(2), TestAudio.Tone(1), TestAudio.Quiet(2));

        // Act
        var levels = AudioLevels.Measure(audio, 16_000);

        // Assert
        Assert.False(levels.IsSilent);
        Assert.Equal(1.0, levels.Speech.TotalSeconds, 0.05);
    }

    [Fact]
    public void Measure_AClickShorterThanTheMinimumSpeech_IsStillSilent()
    {
        // Arrange
        var audio = TestAudio.Join(TestAudio.Quiet(3), TestAudio.Tone(0.1), TestAudio.Quiet(3));

        // Act
        var levels = AudioLevels.Measure(audio, 16_000);

        // Assert
        Assert.True(levels.IsSilent);
    }
}
