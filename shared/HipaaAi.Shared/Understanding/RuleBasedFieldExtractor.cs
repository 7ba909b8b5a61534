using System.Text.RegularExpressions;
using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

/// <summary>
/// Extracts intake fields with label patterns and code shapes. Every value is taken from the page text (a code
/// that is not printed is never emitted), carries its page and source line, and is checked by
/// <see cref="FieldValidators"/>; an invalid value is kept with the problem named.
/// </summary>
public sealed partial class RuleBasedFieldExtractor(UnderstandingOptions options, TimeProvider timeProvider) : IFieldExtractor
{
    private static readonly string[] PatientFields = [FieldNames.PatientName, FieldNames.DateOfBirth, FieldNames.Mrn, FieldNames.Sex];
    private static readonly string[] ProviderFields = [FieldNames.ProviderName, FieldNames.ProviderNpi];
    private static readonly string[] CoverageFields = [FieldNames.Payer, FieldNames.MemberId];
    private static readonly string[] CodeFields = [FieldNames.Icd10Codes, FieldNames.CptHcpcsCodes];

    /// <summary>The fields looked for in each document type.</summary>
    public static IReadOnlyDictionary<DocumentType, IReadOnlyList<string>> FieldsByType { get; } =
        new Dictionary<DocumentType, IReadOnlyList<string>>
        {
            [DocumentType.Referral] = FieldNames.All,
            [DocumentType.LabResult] = FieldNames.All,
            [DocumentType.ImagingReport] = FieldNames.All,
            [DocumentType.ClinicalNote] = FieldNames.All,
            [DocumentType.DischargeSummary] = FieldNames.All,
            [DocumentType.PriorAuthorizationForm] = FieldNames.All,
            [DocumentType.ClaimOrEob] = FieldNames.All,
            [DocumentType.InsuranceCard] = [.. PatientFields, .. CoverageFields],
            [DocumentType.PayerPolicy] = [FieldNames.Payer, .. CodeFields],
            [DocumentType.FaxCoverSheet] = [],
            [DocumentType.Other] = [],
        };

    /// <inheritdoc />
    public Task<IReadOnlyList<ExtractedField>> ExtractAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var wanted = FieldsByType.GetValueOrDefault(type) ?? [];
        var fields = new FieldSet();
        foreach (var page in pages.OrderBy(p => p.PageNumber))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExtractPage(type, page, wanted, fields);
        }

        return Task.FromResult<IReadOnlyList<ExtractedField>>(fields.Items);
    }

    private void ExtractPage(DocumentType type, PageText page, IReadOnlyList<string> wanted, FieldSet fields)
    {
        var lines = ClinicalText.Lines(page.Text).ToList();
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        if (wanted.Contains(FieldNames.PatientName) || wanted.Contains(FieldNames.DateOfBirth) || wanted.Contains(FieldNames.Mrn))
        {
            ExtractIdentity(page, wanted, fields, today);
        }

        if (wanted.Contains(FieldNames.Sex))
        {
            foreach (var (match, line) in Matches(SexRegex(), lines))
            {
                var raw = match.Groups["value"].Value;
                var normalized = raw.ToUpperInvariant() switch
                {
                    "F" or "FEMALE" => "F",
                    "M" or "MALE" => "M",
                    "U" or "UNKNOWN" => "U",
                    _ => null,
                };
                fields.Add(FieldNames.Sex, normalized ?? raw, page.PageNumber, line,
                    normalized is null ? ValidationResult.Invalid("sex is not F, M or U") : ValidationResult.Valid);
            }
        }

        if (wanted.Contains(FieldNames.ProviderName))
        {
            foreach (var (match, line) in Matches(ProviderNameRegex(), lines))
            {
                var name = ClinicalText.NormalizeName(ClinicalText.UntilNextColumn(match.Groups["value"].Value));
                if (name.Length >= 3)
                {
                    fields.Add(FieldNames.ProviderName, name, page.PageNumber, line, ValidationResult.Valid);
                }
            }
        }

        if (wanted.Contains(FieldNames.ProviderNpi))
        {
            foreach (var (match, line) in Matches(NpiRegex(), lines))
            {
                var npi = match.Groups["value"].Value;
                fields.Add(FieldNames.ProviderNpi, npi, page.PageNumber, line, FieldValidators.Npi(npi));
            }
        }

        if (wanted.Contains(FieldNames.Payer))
        {
            ExtractPayer(type, page, lines, fields);
        }

        if (wanted.Contains(FieldNames.MemberId))
        {
            foreach (var (match, line) in Matches(MemberIdRegex(), lines))
            {
                var id = match.Groups["value"].Value.ToUpperInvariant();
                fields.Add(FieldNames.MemberId, id, page.PageNumber, line, ValidationResult.Valid);
            }
        }

        if (wanted.Contains(FieldNames.DateOfService) && !fields.Has(FieldNames.DateOfService))
        {
            ExtractDateOfService(page, lines, fields);
        }

        if (wanted.Contains(FieldNames.Icd10Codes))
        {
            ExtractDiagnosisCodes(page, lines, fields);
        }

        if (wanted.Contains(FieldNames.CptHcpcsCodes))
        {
            ExtractProcedureCodes(page, lines, fields);
        }
    }

    private void ExtractIdentity(PageText page, IReadOnlyList<string> wanted, FieldSet fields, DateOnly today)
    {
        var identity = ClinicalText.ReadIdentity(page.Text);
        if (identity.Name is { } name && wanted.Contains(FieldNames.PatientName))
        {
            fields.Add(FieldNames.PatientName, name.Value, page.PageNumber, name.Line, ValidationResult.Valid);
        }

        if (identity.DateOfBirth is { } dob && wanted.Contains(FieldNames.DateOfBirth))
        {
            fields.Add(FieldNames.DateOfBirth, dob.Value, page.PageNumber, dob.Line, FieldValidators.DateOfBirth(dob.Value, today));
        }

        if (identity.Mrn is { } mrn && wanted.Contains(FieldNames.Mrn))
        {
            fields.Add(FieldNames.Mrn, mrn.Value, page.PageNumber, mrn.Line, FieldValidators.Mrn(mrn.Value, options.MrnPattern));
        }
    }

    private static void ExtractPayer(DocumentType type, PageText page, List<string> lines, FieldSet fields)
    {
        foreach (var (match, line) in Matches(PayerLabelRegex(), lines))
        {
            var payer = ParenthesesRegex().Replace(ClinicalText.UntilNextColumn(match.Groups["value"].Value), string.Empty).Trim();
            if (payer.Length >= 3)
            {
                fields.Add(FieldNames.Payer, payer, page.PageNumber, line, ValidationResult.Valid);
            }
        }

        // Cards, claims, policies and payer forms often print the plan's name alone at the top, without a label.
        if (fields.Has(FieldNames.Payer) || type is not (DocumentType.InsuranceCard or DocumentType.ClaimOrEob
                or DocumentType.PayerPolicy or DocumentType.PriorAuthorizationForm))
        {
            return;
        }

        var top = lines.Where(l => l.Trim().Length > 0).Take(6).FirstOrDefault(l => PayerNameRegex().IsMatch(l.Trim()));
        if (top is not null)
        {
            fields.Add(FieldNames.Payer, top.Trim(), page.PageNumber, top.Trim(), ValidationResult.Valid);
        }
    }

    private static void ExtractDateOfService(PageText page, List<string> lines, FieldSet fields)
    {
        foreach (var label in DateOfServiceLabels)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var match = label.Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                // The date follows the label on its line, or heads the next line when the label is a column header.
                var sameLine = ClinicalText.FindDate(lines[i][(match.Index + match.Length)..]);
                var (date, evidence) = sameLine.Success && sameLine.Index <= 12
                    ? (sameLine.Value, lines[i])
                    : NextLineDate(lines, i);
                if (date is null)
                {
                    continue;
                }

                var parsed = ClinicalText.TryParseDate(date, out var iso);
                fields.Add(FieldNames.DateOfService, iso, page.PageNumber, evidence.Trim(),
                    parsed ? ValidationResult.Valid : ValidationResult.Invalid("date is not a real calendar date"));
                return;
            }
        }
    }

    private static (string? Date, string Line) NextLineDate(List<string> lines, int index)
    {
        var next = lines.Skip(index + 1).FirstOrDefault(l => l.Trim().Length > 0);
        if (next is null)
        {
            return (null, string.Empty);
        }

        var match = ClinicalText.FindDate(next);
        return match.Success && match.Index <= 8 ? (match.Value, next) : (null, next);
    }

    private static void ExtractDiagnosisCodes(PageText page, List<string> lines, FieldSet fields)
    {
        var inDiagnosisSection = false;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                inDiagnosisSection = false;
                continue;
            }

            var lineHasContext = DiagnosisContextRegex().IsMatch(line);
            var candidates = Icd10Regex().Matches(line);

            // A line of codes under a heading (e.g. "A. R07.9   B. I10") is content, not a new heading.
            if (candidates.Count == 0 && IsHeading(line))
            {
                inDiagnosisSection = lineHasContext;
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in candidates)
            {
                // Dotless three-character codes (I10) look like other tokens, so they need a diagnosis context.
                var code = match.Value;
                var dotted = code.Contains('.', StringComparison.Ordinal);
                if (dotted || lineHasContext || inDiagnosisSection)
                {
                    found.Add(code);
                    fields.Add(FieldNames.Icd10Codes, code, page.PageNumber, line.Trim(), FieldValidators.Icd10Cm(code));
                }
            }

            // A token right after an ICD label that does not have the code shape is kept and flagged, not dropped.
            foreach (Match match in IcdLabelledTokenRegex().Matches(line))
            {
                var token = match.Groups["value"].Value.TrimEnd('.');
                if (!found.Contains(token) && token.Any(char.IsAsciiDigit) && token.Any(char.IsAsciiLetter))
                {
                    fields.Add(FieldNames.Icd10Codes, token, page.PageNumber, line.Trim(), FieldValidators.Icd10Cm(token));
                }
            }
        }
    }

    private static void ExtractProcedureCodes(PageText page, List<string> lines, FieldSet fields)
    {
        var inProcedureBlock = false;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                inProcedureBlock = false;
                continue;
            }

            var lineHasContext = ProcedureContextRegex().IsMatch(line);
            inProcedureBlock |= lineHasContext;
            if (!inProcedureBlock)
            {
                continue;
            }

            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match match in ProcedureCodeRegex().Matches(line))
            {
                found.Add(match.Value);
                fields.Add(FieldNames.CptHcpcsCodes, match.Value, page.PageNumber, line.Trim(), FieldValidators.CptOrHcpcs(match.Value));
            }

            foreach (Match list in CptLabelledListRegex().Matches(line))
            {
                foreach (var token in list.Groups["value"].Value.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!found.Contains(token) && token.Any(char.IsAsciiDigit))
                    {
                        fields.Add(FieldNames.CptHcpcsCodes, token, page.PageNumber, line.Trim(), FieldValidators.CptOrHcpcs(token));
                    }
                }
            }
        }
    }

    private static bool IsHeading(string line)
    {
        // Mostly capitals, or a trailing colon: "DISCHARGE DIAGNOSES:", "21. DIAGNOSIS OR NATURE ... (ICD Ind. 0)".
        var trimmed = line.Trim();
        var upper = trimmed.Count(char.IsAsciiLetterUpper);
        var lower = trimmed.Count(char.IsAsciiLetterLower);
        return trimmed.EndsWith(':') || (upper >= 3 && upper >= 4 * lower);
    }

    private static IEnumerable<(Match Match, string Line)> Matches(Regex regex, List<string> lines)
    {
        foreach (var line in lines)
        {
            foreach (Match match in regex.Matches(line))
            {
                yield return (match, line.Trim());
            }
        }
    }

    private static readonly Regex[] DateOfServiceLabels =
    [
        new(@"\b(date\(?s?\)?\s+of\s+service|DOS|service\s+date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)),
        new(@"\b(date\s+of\s+exam|exam\s+date|collected|collection\s+date|discharge\s+date|visit\s+date|encounter\s+date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)),
        new(@"\b(referral\s+date|requested\s+start\s+date|start\s+date|admission\s+date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)),
    ];

    [GeneratedRegex(@"\b(?:sex|gender)\s*:\s*(?<value>[A-Za-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SexRegex();

    [GeneratedRegex(
        @"\b(?:referring\s+provider|ordering\s+(?:physician|provider)|attending\s+physician|requesting\s+provider|rendering\s+provider|provider|signature\s+of\s+physician)\s*:\s*(?<value>[A-Za-z][A-Za-z' .,()-]{2,80})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProviderNameRegex();

    [GeneratedRegex(@"\bNPI\b\s*(?:no\.?|number|#)?\s*[:#]?\s*(?<value>\d{6,12})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NpiRegex();

    [GeneratedRegex(
        @"\b(?:primary\s+insurance|secondary\s+insurance|insurance|health\s+plan|payer|carrier|insurer)\s*:\s*(?<value>[A-Za-z][A-Za-z0-9&' .,()-]{2,80})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PayerLabelRegex();

    [GeneratedRegex(
        @"^[A-Z][A-Za-z&.' -]*\b(?:Health\s+Plan|Health|Healthcare|Insurance(?:\s+Co\.?|\s+Company)?|Care|Medicaid(?:\s+Plan)?|Medicare(?:\s+Advantage)?|Blue\s+Cross[A-Za-z ]*|Blue\s+Shield[A-Za-z ]*|Mutual[A-Za-z ]*)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex PayerNameRegex();

    [GeneratedRegex(
        @"\b(?:member\s*id(?:\s*(?:number|#|no\.?))?|member\s*#|subscriber\s*id|insured'?s?\s+id\s+number|id\s+number)\s*[:#]?\s*(?<value>[A-Z0-9][A-Z0-9-]{4,24})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemberIdRegex();

    [GeneratedRegex(@"\b(?:diagnos|dx\b|icd|assessment|impression|problem)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosisContextRegex();

    // The tail lookahead stops "E11" being taken from a longer, malformed "E11.6X9Z9".
    [GeneratedRegex(@"\b[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?![0-9A-Za-z]|\.[0-9A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10Regex();

    [GeneratedRegex(@"\b(?:ICD(?:-10(?:-CM)?)?|Dx)\s*[:#]\s*(?<value>[A-Za-z0-9.]{2,10})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IcdLabelledTokenRegex();

    [GeneratedRegex(@"\b(?:CPT|HCPCS|procedures?|code)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureContextRegex();

    [GeneratedRegex(@"(?<![\w$.,/-])(?:\d{4}[FTU]|\d{5}|[A-V]\d{4})(?![\w/-]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureCodeRegex();

    [GeneratedRegex(@"\bCPT\b\s*[:#]\s*(?<value>[A-Za-z0-9]{2,7}(?:\s*,\s*[A-Za-z0-9]{2,7})*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CptLabelledListRegex();

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex ParenthesesRegex();

    /// <summary>Collects fields, keeping the first page and line for each distinct value of a field.</summary>
    private sealed class FieldSet
    {
        private readonly HashSet<(string, string)> seen = [];

        public List<ExtractedField> Items { get; } = [];

        public bool Has(string name) => Items.Exists(f => f.Name == name);

        public void Add(string name, string value, int page, string evidence, ValidationResult validation)
        {
            if (seen.Add((name, value.ToUpperInvariant())))
            {
                Items.Add(new ExtractedField(name, value, page, evidence, validation.IsValid, validation.Problem));
            }
        }
    }
}
