using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class NoteDrafterTests
{
    private static Transcript Transcript(params string[] segments) => new("test-engine", false,
        TimeSpan.FromSeconds(segments.Length * 5),
        [.. segments.Select((text, index) => new TranscriptSegment(index, TimeSpan.FromSeconds(index * 5),
            TimeSpan.FromSeconds((index * 5) + 4), text, 0.9))]);

    private static readonly Transcript Consult = Transcript(
        "Subjective. The patient is a fifty two year old woman with pain in the right knee for three weeks.",
        "She denies any fall.",
        "Objective. Blood pressure is 130/80. The right knee is tender with a small effusion.",
        "Assessment. Likely osteoarthritis of the right knee.",
        "Plan. Start ibuprofen 400 mg three times daily. Order an x-ray of the right knee. Follow up in four weeks.");

    [Fact]
    public void Draft_SpokenHeadings_PutEachSentenceInItsSection()
    {
        // Act
        var draft = ExtractiveNoteDrafter.Draft(Consult);

        // Assert
        Assert.Equal(["The patient is a fifty two year old woman with pain in the right knee for three weeks.",
            "She denies any fall."], draft.In(NotePart.Subjective).Select(sentence => sentence.Text));
        Assert.Equal(["Blood pressure is 130/80.", "The right knee is tender with a small effusion."],
            draft.In(NotePart.Objective).Select(sentence => sentence.Text));
        Assert.Equal(["Likely osteoarthritis of the right knee."], draft.In(NotePart.Assessment).Select(s => s.Text));
        Assert.Equal(3, draft.In(NotePart.Plan).Count);
        Assert.Equal(["Start ibuprofen 400 mg three times daily."], draft.In(NotePart.Medication).Select(s => s.Text));
        Assert.Equal(["Order an x-ray of the right knee."], draft.In(NotePart.Order).Select(s => s.Text));
        Assert.Equal(["Follow up in four weeks."], draft.In(NotePart.FollowUp).Select(s => s.Text));
        Assert.Contains("Likely osteoarthritis of the right knee.", draft.In(NotePart.Problem).Select(s => s.Text));
    }

    [Fact]
    public void Draft_EverySentence_IsTheTranscriptTextAtItsSpanWithItsSegmentTimes()
    {
        // Act
        var draft = ExtractiveNoteDrafter.Draft(Consult);

        // Assert
        Assert.NotEmpty(draft.Sentences);
        Assert.Empty(NoteGrounding.Ungrounded(draft, Consult));
        var plan = draft.In(NotePart.Plan)[0];
        Assert.Equal(Consult.Text.Substring(plan.Start, plan.Length), plan.Text);
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(24)), (plan.From, plan.To));
    }

    [Fact]
    public void Draft_UnpunctuatedOfflineTranscript_UsesPausesAsSentencesAndStaysGrounded()
    {
        // Arrange: what the offline engine writes: no punctuation, one segment per pause.
        var transcript = Transcript("subjective patient has a cough for five days", "no fever",
            "assessment likely viral infection", "plan rest and fluids", "follow up in two weeks") with
        {
            LowConfidence = true,
        };

        // Act
        var draft = ExtractiveNoteDrafter.Draft(transcript);

        // Assert
        Assert.True(draft.LowConfidence);
        Assert.Equal(["patient has a cough for five days", "no fever"], draft.In(NotePart.Subjective).Select(s => s.Text));
        Assert.Equal(["likely viral infection"], draft.In(NotePart.Assessment).Select(s => s.Text));
        Assert.Equal(["rest and fluids", "follow up in two weeks"], draft.In(NotePart.Plan).Select(s => s.Text));
        Assert.Empty(NoteGrounding.Ungrounded(draft, transcript));
    }

    [Fact]
    public void Draft_EmptyTranscript_IsAnEmptyDraft()
    {
        // Act
        var draft = ExtractiveNoteDrafter.Draft(Transcript());

        // Assert
        Assert.True(draft.IsEmpty);
        Assert.Contains("No speech was transcribed", NoteRenderer.Render(draft), StringComparison.Ordinal);
    }

    [Fact]
    public void Ungrounded_SentenceTheTranscriptDoesNotSay_IsCaught()
    {
        // Arrange: a drafter that invents a medication, and one that moves a real sentence to the wrong time.
        var draft = ExtractiveNoteDrafter.Draft(Consult);
        var real = draft.Sentences[0];
        var invented = real with { Text = "Start warfarin 5 mg daily." };
        var wrongTime = real with { From = TimeSpan.FromMinutes(9) };
        var outside = real with { Start = Consult.Text.Length - 2, Length = 10 };
        var tampered = draft with { Sentences = [.. draft.Sentences, invented, wrongTime, outside] };

        // Act
        var ungrounded = NoteGrounding.Ungrounded(tampered, Consult);

        // Assert
        Assert.Equal([invented, wrongTime, outside], ungrounded);
    }

    [Fact]
    public void Render_LowConfidenceDraft_SaysSoAtTheTop()
    {
        // Arrange
        var draft = ExtractiveNoteDrafter.Draft(Consult with { LowConfidence = true });

        // Act
        var text = NoteRenderer.Render(draft);

        // Assert
        Assert.Equal(NoteRenderer.LowConfidenceWarning, text.Split('\n')[1].TrimEnd());
        Assert.Contains("- Order an x-ray of the right knee. [0:20-0:24]", text, StringComparison.Ordinal);
    }
}
