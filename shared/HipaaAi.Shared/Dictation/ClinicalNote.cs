namespace HipaaAi.Shared.Dictation;

/// <summary>Where a sentence of a note belongs.</summary>
public enum NotePart
{
    Subjective,
    Objective,
    Assessment,
    Plan,
    Problem,
    Medication,
    Order,
    FollowUp,
}

/// <summary>
/// One sentence of a note and the exact span of the transcript it comes from: <see cref="Text"/> equals
/// <c>transcript.Text.Substring(Start, Length)</c>, and <see cref="From"/>..<see cref="To"/> is where it was said.
/// </summary>
public sealed record NoteSentence(NotePart Part, string Text, int Start, int Length, TimeSpan From, TimeSpan To);

/// <summary>
/// A drafted (or, after review, signed) clinical note. <see cref="LowConfidence"/> carries the transcript's flag so
/// every rendering warns when the offline fallback transcribed it.
/// </summary>
public sealed record ClinicalNoteDraft(
    string TranscriptEngine,
    string DraftEngine,
    bool LowConfidence,
    IReadOnlyList<NoteSentence> Sentences)
{
    public IReadOnlyList<NoteSentence> In(NotePart part) => Sentences.Where(sentence => sentence.Part == part).ToList();

    public bool IsEmpty => Sentences.Count == 0;
}

/// <summary>Drafts a note from a transcript. Every sentence must be a span of the transcript (see NoteGrounding).</summary>
public interface IClinicalNoteDrafter
{
    string Engine { get; }

    Task<ClinicalNoteDraft> DraftAsync(Transcript transcript, CancellationToken cancellationToken);
}
