namespace HipaaAi.Shared.Dictation;

/// <summary>
/// The rule that keeps invented content out of a note: each sentence must be exactly the transcript's text at its
/// span, and its times must be those of the segments the span covers. Applied to every draft, whatever drafted it.
/// </summary>
public static class NoteGrounding
{
    /// <summary>The sentences that break the rule (empty when the draft is fully grounded).</summary>
    public static IReadOnlyList<NoteSentence> Ungrounded(ClinicalNoteDraft draft, Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var text = new TranscriptText(transcript);
        return draft.Sentences.Where(sentence => !IsGrounded(sentence, text)).ToList();
    }

    public static bool IsGrounded(NoteSentence sentence, TranscriptText text)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(text);

        if (sentence.Length <= 0 || sentence.Start < 0 || sentence.Start + sentence.Length > text.Text.Length)
        {
            return false;
        }

        var spoken = text.Text.AsSpan(sentence.Start, sentence.Length);
        return spoken.SequenceEqual(sentence.Text) && text.TimeOf(sentence.Start, sentence.Length) == (sentence.From,
            sentence.To);
    }

    /// <summary>Finds a quoted passage in the transcript: exactly, else ignoring case; -1 when it is not there.</summary>
    public static int Locate(string transcriptText, string quote, int searchFrom = 0)
    {
        ArgumentNullException.ThrowIfNull(transcriptText);

        if (string.IsNullOrWhiteSpace(quote) || searchFrom >= transcriptText.Length)
        {
            return -1;
        }

        var exact = transcriptText.IndexOf(quote, searchFrom, StringComparison.Ordinal);
        return exact >= 0 ? exact : transcriptText.IndexOf(quote, searchFrom, StringComparison.OrdinalIgnoreCase);
    }
}
