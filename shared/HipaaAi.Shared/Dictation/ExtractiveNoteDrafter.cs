using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// The local drafter: it only selects and sorts, never writes. The transcript is cut into sentences (punctuation,
/// and the pauses between segments, because the offline engine punctuates nothing); spoken headings ("assessment",
/// "plan") switch the section; otherwise cue words choose it. Problems, medications, orders and follow-up are the
/// sentences that mention them. Every sentence is the transcript's own text at its span.
/// </summary>
public sealed partial class ExtractiveNoteDrafter : IClinicalNoteDrafter
{
    public const string EngineName = "extractive-1";

    private static readonly System.Buffers.SearchValues<char> Punctuation = System.Buffers.SearchValues.Create(" .,;:!?");

    public string Engine => EngineName;

    public Task<ClinicalNoteDraft> DraftAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transcript);

        return Task.FromResult(Draft(transcript));
    }

    public static ClinicalNoteDraft Draft(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);

        var text = new TranscriptText(transcript);
        var sentences = new List<NoteSentence>();
        NotePart? heading = null;

        foreach (var (rawStart, rawLength) in SentenceRanges(text))
        {
            var (start, length, spokenHeading) = AfterHeading(text.Text, rawStart, rawLength);
            if (spokenHeading is not null)
            {
                heading = spokenHeading;
            }

            if (length == 0 || !text.Text.AsSpan(start, length).ContainsAnyExcept(Punctuation))
            {
                continue;
            }

            var sentence = text.Text.Substring(start, length);
            var section = heading ?? SectionByCues(sentence);
            sentences.Add(text.Sentence(section, start, length));

            if (section == NotePart.Assessment || ProblemCue().IsMatch(sentence))
            {
                sentences.Add(text.Sentence(NotePart.Problem, start, length));
            }

            if (MedicationCue().IsMatch(sentence))
            {
                sentences.Add(text.Sentence(NotePart.Medication, start, length));
            }

            if (OrderCue().IsMatch(sentence))
            {
                sentences.Add(text.Sentence(NotePart.Order, start, length));
            }

            if (FollowUpCue().IsMatch(sentence))
            {
                sentences.Add(text.Sentence(NotePart.FollowUp, start, length));
            }
        }

        return new ClinicalNoteDraft(transcript.Engine, EngineName, transcript.LowConfidence, sentences);
    }

    /// <summary>Sentences end at . ? ! followed by a space, and at every segment boundary.</summary>
    private static IEnumerable<(int Start, int Length)> SentenceRanges(TranscriptText text)
    {
        foreach (var (segmentStart, segmentEnd) in text.SegmentRanges)
        {
            var start = segmentStart;
            for (var index = segmentStart; index < segmentEnd; index++)
            {
                var endsSentence = text.Text[index] is '.' or '?' or '!'
                    && (index + 1 == segmentEnd || char.IsWhiteSpace(text.Text[index + 1]));
                if (endsSentence && !IsAbbreviationOrNumber(text.Text, start, index))
                {
                    yield return Trimmed(text.Text, start, index + 1);
                    start = index + 1;
                }
            }

            if (start < segmentEnd)
            {
                yield return Trimmed(text.Text, start, segmentEnd);
            }
        }
    }

    // "Dr." and "b.i.d." do not end a sentence; "2.5 mg" never reaches here because a digit follows the point.
    private static bool IsAbbreviationOrNumber(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return word.Length is > 0 and <= 3 && (Abbreviation().IsMatch(word) || word.Contains('.', StringComparison.Ordinal));
    }

    private static (int Start, int Length) Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    /// <summary>A sentence that opens with a spoken heading ("Plan: start…", "assessment likely…") switches section.</summary>
    private static (int Start, int Length, NotePart? Heading) AfterHeading(string text, int start, int length)
    {
        var match = Heading().Match(text, start, length);
        if (!match.Success)
        {
            return (start, length, null);
        }

        var word = match.Groups["heading"].Value.ToLowerInvariant();
        NotePart part = word switch
        {
            "objective" or "exam" or "examination" or "physical exam" or "physical examination" or "on examination"
                or "vitals" or "vital signs" => NotePart.Objective,
            "assessment" or "impression" or "diagnosis" or "assessment and plan" => NotePart.Assessment,
            "plan" => NotePart.Plan,
            _ => NotePart.Subjective,
        };
        var rest = match.Index + match.Length;
        var (restStart, restLength) = Trimmed(text, rest, start + length);
        return (restStart, restLength, part);
    }

    private static NotePart SectionByCues(string sentence)
    {
        if (PlanCue().IsMatch(sentence))
        {
            return NotePart.Plan;
        }

        if (AssessmentCue().IsMatch(sentence))
        {
            return NotePart.Assessment;
        }

        return ObjectiveCue().IsMatch(sentence) ? NotePart.Objective : NotePart.Subjective;
    }

    [GeneratedRegex(@"\G\s*(?<heading>subjective|history of present illness|chief complaint|history|objective|" +
        @"physical examination|physical exam|on examination|examination|exam|vital signs|vitals|" +
        @"assessment and plan|assessment|impression|diagnosis|plan)\b\s*(?:[:.,;-]\s*|\s+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:dr|mr|mrs|ms|st|vs|no|approx|[a-z])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\b(?:blood pressure|pulse|heart rate|temperature|saturation|sats|respiratory rate|weight|" +
        @"bmi|on exam|examination|auscultation|lungs?|chest (?:is )?clear|abdomen|tender|palpation|murmur|" +
        @"reflexes|oedema|edema|afebrile|looks? well)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveCue();

    [GeneratedRegex(@"\b(?:likely|consistent with|suggestive of|impression|diagnos\w*|suspect\w*|differential|" +
        @"in keeping with|probable|possible)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssessmentCue();

    [GeneratedRegex(@"\b(?:plan|start\w*|stop\w*|continue|prescrib\w*|order\w*|refer\w*|schedul\w*|follow[ -]?up|" +
        @"recommend\w*|advis\w*|increase|decrease|arrange\w*|return|review (?:in|again))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlanCue();

    [GeneratedRegex(@"\b(?:diagnos\w*|impression|consistent with|likely|history of|known|suspect\w*)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemCue();

    [GeneratedRegex(@"\b\d+(?:\.\d+)?\s*(?:mg|mcg|micrograms?|milligrams?|grams?|units?|ml|millilit\w+)\b|" +
        @"\b(?:aspirin|ibuprofen|paracetamol|acetaminophen|insulin|warfarin|heparin|metformin|amoxicillin|" +
        @"prednisolone|prednisone|salbutamol|albuterol|omeprazole|\w+(?:pril|olol|statin|sartan|cillin|mycin|" +
        @"floxacin|prazole|dipine|formin|gliptin|azole|semide|thiazide|pam|lam))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MedicationCue();

    [GeneratedRegex(@"\b(?:order\w*|blood tests?|bloods|labs?|full blood count|cbc|panel|x-?ray|ct|mri|ultrasound|" +
        @"scan|ecg|ekg|echo\w*|culture|swab|biopsy|refer\w*|urinalysis|spirometry)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderCue();

    [GeneratedRegex(@"\b(?:follow[ -]?up|return in|review in|see (?:him|her|them|you) (?:again|in)|come back)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUpCue();
}
