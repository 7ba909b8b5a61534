using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class PocketSphinxTranscriberTests
{
    // The shape pocketsphinx_continuous 0.8 prints with -time yes: the hypothesis, then one line per word.
    private const string Output = """
        patient has a cough no fever
        <s> 0.000 0.040 0.998102
        patient 0.050 0.520 0.811
        has(2) 0.530 0.700 0.702
        a 0.710 0.760 0.500
        cough 0.770 1.200 0.901
        <sil> 1.210 1.780 0.993818
        no 1.790 2.000 0.600
        [NOISE] 2.010 2.100 0.500
        fever 2.110 2.600 0.700
        </s> 2.610 2.700 1.000
        """;

    [Fact]
    public void Parse_WordLines_GroupWordsBetweenPausesWithTheirTimes()
    {
        // Act
        var segments = PocketSphinxTranscriber.Parse(Output);

        // Assert
        Assert.Equal(["patient has a cough", "no fever"], segments.Select(segment => segment.Text));
        Assert.Equal(TimeSpan.FromSeconds(0.05), segments[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(1.2), segments[0].End);
        Assert.Equal(TimeSpan.FromSeconds(1.79), segments[1].Start);
        Assert.Equal(0.7285, segments[0].Confidence!.Value, 4);
    }

    [Fact]
    public void Parse_NoWords_IsNoSegments()
    {
        // Act and assert
        Assert.Empty(PocketSphinxTranscriber.Parse("\n<s> 0.000 0.040 0.99\n</s> 0.05 0.1 1.0\n"));
    }
}
