using System.Text.RegularExpressions;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

/// <summary>
/// Picks a few sentences of relevant history from the document itself, scored by clinical keywords, diagnosis
/// codes and the section they sit in (impression, assessment, plan, reason for referral...). Nothing is written
/// that is not in the text; sentences keep their original order.
/// </summary>
public sealed partial class ExtractiveSummarizer : IDocumentSummarizer
{
    public const int DefaultMaxSentences = 4;

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Declared before the keyword tables: static fields initialise in text order.
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    private static readonly (Regex Pattern, double Weight)[] Keywords =
    [
        (new Regex(@"\b(impression|assessment|diagnos[ie]s|reason for referral|hospital course|chief complaint|clinical history|findings)\b", Options, Timeout), 3),
        (new Regex(@"\b(presents? with|admitted|underwent|history of|worsening|failed|persistent|acute|chronic|fracture|tear|pneumonia|failure|diabetes|apnea|fibrillation|pain)\b", Options, Timeout), 2),
        (new Regex(@"\b(plan|recommend(ed|s)?|follow[ -]?up|refer(red|ral)?|start|increase|continue|schedule|obtain|requested?|medical(ly)? necess)", Options, Timeout), 2),
        (new Regex(@"\b(denies|no acute|unremarkable|stable|improved)\b", Options, Timeout), 1),
    ];

    private static readonly Regex[] Boilerplate =
    [
        new(@"\b(confidential|privileged|intended only|in error|redisclosure|signature|signed|attest|page \d+|this is not a bill|synthetic test document)\b", Options, Timeout),
        new(@"\b(phone|fax|address|npi|member id|group|dob|date of birth|mrn|accession|clia)\b\s*[:#]", Options, Timeout),
    ];

    private readonly int maxSentences;

    public ExtractiveSummarizer()
        : this(DefaultMaxSentences)
    {
    }

    public ExtractiveSummarizer(int maxSentences)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSentences, 1);
        this.maxSentences = maxSentences;
    }

    /// <inheritdoc />
    public Task<string> SummarizeAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        IReadOnlyList<ExtractedField> fields,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(fields);
        cancellationToken.ThrowIfCancellationRequested();

        var codes = fields.Where(f => f.Name is FieldNames.Icd10Codes or FieldNames.CptHcpcsCodes)
            .Select(f => f.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidates = Sentences(pages.OrderBy(p => p.PageNumber).Select(p => p.Text))
            .Select((s, index) => (s.Text, Index: index, Score: Score(s.Text, s.Section, codes)))
            .Where(s => s.Score > 0)
            .GroupBy(s => s.Text, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .Take(maxSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Text);

        return Task.FromResult(string.Join('\n', candidates));
    }

    private static double Score(string sentence, string section, HashSet<string> codes)
    {
        if (Boilerplate.Any(b => b.IsMatch(sentence)) || sentence.Count(char.IsLetter) < 15)
        {
            return 0;
        }

        var score = Keywords.Sum(k => k.Pattern.Count(sentence) * k.Weight);
        score += Keywords[0].Pattern.IsMatch(section) ? 3 : 0;
        score += Keywords[2].Pattern.IsMatch(section) ? 2 : 0;
        score += codes.Count(code => sentence.Contains(code, StringComparison.OrdinalIgnoreCase)) * 1.5;

        // Long run-on lines are usually tables or boilerplate, not history.
        return sentence.Length > 400 ? score / 2 : score;
    }

    /// <summary>
    /// Sentences with the heading of the section they sit in; wrapped lines of a paragraph are joined.
    /// </summary>
    private static IEnumerable<(string Text, string Section)> Sentences(IEnumerable<string> pageTexts)
    {
        foreach (var text in pageTexts)
        {
            var section = string.Empty;
            foreach (var paragraph in ParagraphBreakRegex().Split(text))
            {
                var lines = paragraph.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
                if (lines.Count == 0)
                {
                    continue;
                }

                if (HeadingRegex().IsMatch(lines[0]))
                {
                    section = lines[0];
                    var rest = lines[0][(lines[0].IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                    lines = rest.Length > 0 ? [rest, .. lines.Skip(1)] : [.. lines.Skip(1)];
                }

                foreach (var sentence in SentenceSplitRegex().Split(string.Join(' ', lines)))
                {
                    var trimmed = sentence.Trim();
                    if (trimmed.Length > 0)
                    {
                        yield return (trimmed, section);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreakRegex();

    [GeneratedRegex(@"^[A-Z][A-Z /&-]{2,60}:?(\s|$)|^[A-Z][A-Za-z /&-]{2,40}:")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"(?<=[a-z0-9)][.!?])\s+(?=[A-Z0-9])")]
    private static partial Regex SentenceSplitRegex();
}
