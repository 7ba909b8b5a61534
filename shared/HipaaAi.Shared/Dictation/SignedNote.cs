using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// A note after the provider's decision: the draft, who signed it and when, and the provider's own amendment when
/// they chose edit-and-approve (kept apart from the transcript-grounded sentences and labeled as theirs).
/// </summary>
public sealed record SignedNote(
    string DictationId,
    ClinicalNoteDraft Draft,
    string SignedBy,
    DateTimeOffset SignedAt,
    DateTimeOffset RecordedAt,
    TimeSpan Duration,
    string? ProviderAmendment);

/// <summary>The plain-text rendering of a note for the EHR interface and the reviewer.</summary>
public static class NoteRenderer
{
    public const string LowConfidenceWarning =
        "LOW-CONFIDENCE TRANSCRIPT: transcribed by the offline fallback engine, which misrecognises much clinical " +
        "speech. Check every line against the recording before relying on it.";

    private static readonly (NotePart Part, string Title)[] Sections =
    [
        (NotePart.Subjective, "SUBJECTIVE"),
        (NotePart.Objective, "OBJECTIVE"),
        (NotePart.Assessment, "ASSESSMENT"),
        (NotePart.Plan, "PLAN"),
        (NotePart.Problem, "PROBLEMS"),
        (NotePart.Medication, "MEDICATIONS"),
        (NotePart.Order, "ORDERS"),
        (NotePart.FollowUp, "FOLLOW-UP"),
    ];

    public static string Render(ClinicalNoteDraft draft, string? providerAmendment = null, string? signature = null)
    {
        ArgumentNullException.ThrowIfNull(draft);

        var text = new StringBuilder();
        text.AppendLine("CLINICAL NOTE (from dictation)");
        if (draft.LowConfidence)
        {
            text.AppendLine(LowConfidenceWarning);
        }

        if (draft.IsEmpty)
        {
            text.AppendLine("No speech was transcribed; the note has no content.");
        }

        foreach (var (part, title) in Sections)
        {
            var sentences = draft.In(part);
            text.AppendLine().AppendLine(title);
            if (sentences.Count == 0)
            {
                text.AppendLine("- (nothing dictated)");
            }

            foreach (var sentence in sentences)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {sentence.Text} [{Clock(sentence.From)}-{Clock(sentence.To)}]")
                    .AppendLine();
            }
        }

        if (!string.IsNullOrWhiteSpace(providerAmendment))
        {
            text.AppendLine().AppendLine("PROVIDER AMENDMENT (written by the signing provider, not dictated)")
                .AppendLine(providerAmendment.Trim());
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Transcribed by {draft.TranscriptEngine}; drafted by {draft.DraftEngine}.");
        if (signature is not null)
        {
            text.AppendLine(signature);
        }

        return text.ToString();
    }

    public static string Render(SignedNote note)
    {
        ArgumentNullException.ThrowIfNull(note);

        return Render(note.Draft, note.ProviderAmendment, string.Create(CultureInfo.InvariantCulture,
            $"Electronically signed by {note.SignedBy} at {note.SignedAt:yyyy-MM-dd HH:mm} UTC."));
    }

    private static string Clock(TimeSpan time) =>
        time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
