using System.Globalization;
using System.Text.RegularExpressions;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.PriorAuthorization;

/// <summary>
/// Finds, for each configured criterion, the lines of the case's documents that support it. Rule-based and exact: a
/// criterion is met only by a line that matches its configured patterns, and every match is cited by page.
/// </summary>
public static partial class EvidenceMatcher
{
    private const int MaxCitationLength = 240;
    private const int MaxCitationsPerCriterion = 4;
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<CriterionEvidence> Match(
        PayerCriteria criteria,
        IReadOnlyList<CaseDocument> documents,
        DateOnly requestDate)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(documents);

        return criteria.Criteria.Select(criterion => Evaluate(criterion, documents, requestDate)).ToList();
    }

    public static CriterionEvidence Evaluate(Criterion criterion, IReadOnlyList<CaseDocument> documents, DateOnly requestDate)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(documents);

        var eligible = documents
            .Where(document => criterion.FoundIn is not { Count: > 0 } || criterion.FoundIn.Contains(document.Type))
            .ToList();
        var citations = criterion.Kind switch
        {
            CriterionKind.Text => MatchText(criterion, eligible),
            CriterionKind.StepTherapy => MatchStepTherapy(criterion, eligible),
            CriterionKind.AgeAtLeast => MatchAge(criterion, eligible, requestDate),
            CriterionKind.LabRange => MatchLab(criterion, eligible),
            _ => [],
        };

        if (citations.Count == 0)
        {
            return new CriterionEvidence(criterion.Id, criterion.Text, CriterionStatus.NotFound, [], null);
        }

        var problem = criterion.MaxAgeDays is { } maxAge ? DateProblem(citations, documents, requestDate, maxAge) : null;
        return new CriterionEvidence(criterion.Id, criterion.Text, CriterionStatus.Met,
            citations.Take(MaxCitationsPerCriterion).ToList(), problem);
    }

    private static List<Citation> MatchText(Criterion criterion, IReadOnlyList<CaseDocument> documents)
    {
        var hedges = Compile(criterion.HedgedBy ?? []);
        foreach (var group in criterion.AnyOf ?? [])
        {
            var patterns = Compile(group);
            var citations = new List<Citation>();
            foreach (var document in documents)
            {
                foreach (var page in document.Pages)
                {
                    var lines = Passages(page.Text);
                    var hits = patterns.Select(pattern => lines.FirstOrDefault(line => IsAssertedMatch(line, pattern, hedges)))
                        .ToList();
                    if (hits.All(hit => hit is not null))
                    {
                        citations.AddRange(hits.Distinct().Select(hit => Cite(document, page.PageNumber, hit!)));
                    }
                }
            }

            if (citations.Count > 0)
            {
                return citations;
            }
        }

        return [];
    }

    private static List<Citation> MatchStepTherapy(Criterion criterion, IReadOnlyList<CaseDocument> documents)
    {
        var hedges = Compile(criterion.HedgedBy ?? []);
        var byDrug = new List<Citation>();
        foreach (var drug in Compile(criterion.Drugs ?? []))
        {
            var found = documents
                .SelectMany(document => document.Pages.SelectMany(page => Passages(page.Text)
                    .Where(line => IsAssertedMatch(line, drug, hedges))
                    .Select(line => Cite(document, page.PageNumber, line))))
                .FirstOrDefault();
            if (found is not null)
            {
                byDrug.Add(found);
            }
        }

        return byDrug.Count >= criterion.MinDistinct ? byDrug : [];
    }

    private static List<Citation> MatchAge(Criterion criterion, IReadOnlyList<CaseDocument> documents, DateOnly requestDate)
    {
        foreach (var document in documents)
        {
            foreach (var field in document.Fields.Where(field => field.Name == FieldNames.DateOfBirth && field.IsValid))
            {
                if (DateOnly.TryParse(field.Value, CultureInfo.InvariantCulture, out var birth)
                    && AgeOn(birth, requestDate) >= criterion.Years)
                {
                    return [Cite(document, field.Page, field.Evidence)];
                }
            }
        }

        return [];
    }

    private static List<Citation> MatchLab(Criterion criterion, IReadOnlyList<CaseDocument> documents)
    {
        var analyte = new Regex(criterion.Analyte!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            PatternTimeout);
        foreach (var document in documents)
        {
            foreach (var page in document.Pages)
            {
                foreach (var line in Lines(page.Text))
                {
                    var name = analyte.Match(line);
                    if (!name.Success)
                    {
                        continue;
                    }

                    var number = NumberRegex().Match(line, name.Index + name.Length);
                    if (number.Success
                        && double.TryParse(number.Value.Replace(",", "", StringComparison.Ordinal),
                            NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                        && (criterion.Min is null || value >= criterion.Min)
                        && (criterion.Max is null || value <= criterion.Max))
                    {
                        return [Cite(document, page.PageNumber, line)];
                    }
                }
            }
        }

        return [];
    }

    private static string? DateProblem(
        IReadOnlyList<Citation> citations,
        IReadOnlyList<CaseDocument> documents,
        DateOnly requestDate,
        int maxAgeDays)
    {
        // The newest supporting document decides: one current passage is enough to support the criterion.
        var dates = citations
            .Select(citation => documents.First(document => document.DocumentId == citation.DocumentId).Date)
            .ToList();
        if (dates.All(date => date is null))
        {
            return PacketExceptionCodes.EvidenceUndated;
        }

        var newest = dates.Max()!.Value;
        return newest.AddDays(maxAgeDays) < requestDate ? PacketExceptionCodes.EvidenceExpired : null;
    }

    public static int AgeOn(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return birth.AddYears(age) > day ? age - 1 : age;
    }

    private static bool IsAssertedMatch(string line, Regex pattern, IReadOnlyList<Regex> hedges)
    {
        foreach (Match match in pattern.Matches(line))
        {
            var before = line[..match.Index];
            if (!hedges.Any(hedge => hedge.IsMatch(before)))
            {
                return true;
            }
        }

        return false;
    }

    private static List<Regex> Compile(IEnumerable<string> patterns) =>
        patterns.Select(pattern => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            PatternTimeout)).ToList();

    /// <summary>
    /// The sentences of a page: lines are joined (a sentence often wraps), and a blank line, a bullet or a heading
    /// mark starts a new passage, so a hedge such as "concern for" is judged within its own sentence.
    /// </summary>
    public static List<string> Passages(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var blocks = new List<List<string>> { new() };
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || BulletRegex().IsMatch(line))
            {
                blocks.Add([]);
            }

            if (line.Length > 0)
            {
                blocks[^1].Add(line);
            }
        }

        return blocks
            .Where(block => block.Count > 0)
            .SelectMany(block => SentenceEndRegex().Split(string.Join(' ', block)))
            .Select(sentence => sentence.Trim())
            .Where(sentence => sentence.Length > 0)
            .ToList();
    }

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static Citation Cite(CaseDocument document, int page, string line) =>
        new(document.DocumentId, document.Type, page,
            line.Length <= MaxCitationLength ? line : line[..MaxCitationLength]);

    [GeneratedRegex(@"^(?:[-#•●○▪*]|\d+[.)]\s)", RegexOptions.CultureInvariant)]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"(?<=[.!?;])\s+(?=[A-Z(#-])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEndRegex();

    [GeneratedRegex(@"\d[\d,]*(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();
}
