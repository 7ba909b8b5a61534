using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class OpenAiNoteDrafterTests
{
    private static readonly Transcript Spoken = new("azure-openai:whisper", false, TimeSpan.FromSeconds(10),
    [
        new TranscriptSegment(0, TimeSpan.Zero, TimeSpan.FromSeconds(4), "Cough for five days. No fever.", 0.9),
        new TranscriptSegment(1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(9), "Plan, rest and fluids.", 0.9),
    ]);

    [Fact]
    public void Ground_QuotesOfTheTranscript_BecomeSpansAndInventionsAreLeftOut()
    {
        // Arrange: the model quoted two real passages (one in other case) and made one up.
        var answer = new OpenAiNoteDrafter.NoteAnswer(
        [
            new("subjective", "Cough for five days."),
            new("plan", "plan, rest and fluids."),
            new("medication", "Start amoxicillin 500 mg."),
            new("nonsense-part", "No fever."),
        ]);
        var text = new TranscriptText(Spoken);

        // Act
        var sentences = OpenAiNoteDrafter.Ground(answer, text);
        var draft = new ClinicalNoteDraft(Spoken.Engine, "azure-openai:chat", false, sentences);

        // Assert
        Assert.Equal(["Cough for five days.", "Plan, rest and fluids."], sentences.Select(sentence => sentence.Text));
        Assert.Equal(TimeSpan.FromSeconds(5), sentences[1].From);
        Assert.Empty(NoteGrounding.Ungrounded(draft, Spoken));
    }
}
