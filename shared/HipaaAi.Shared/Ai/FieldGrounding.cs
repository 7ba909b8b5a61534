using System.Text;
using System.Text.RegularExpressions;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Keeps only extracted fields the source document supports: the value and the evidence quote must both appear on the
/// page the field cites. Billing and diagnosis codes (ICD-10, CPT, HCPCS) must appear there as a whole code, so a model
/// cannot add a code the document never mentioned. Matching ignores case and differences in whitespace.
/// </summary>
public static partial class FieldGrounding
{
    /// <summary>Field names whose values are diagnosis or procedure codes.</summary>
    public static IReadOnlySet<string> CodeFieldNames { get; } =
        new HashSet<string>(["icd10Code", "cptCode", "hcpcsCode"], StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a field whose value is an ICD-10, CPT or HCPCS code.</summary>
    public static bool IsCodeField(string fieldName) => CodeFieldNames.Contains(fieldName);

    /// <summary>Lower-cases text and turns every run of whitespace into one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var normalized = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = normalized.Length > 0;
                continue;
            }

            if (pendingSpace)
                normalized.Append(' ');
            normalized.Append(char.ToLowerInvariant(character));
            pendingSpace = false;
        }

        return normalized.ToString();
    }

    /// <summary>True when the field's value and evidence both appear on the page it cites.</summary>
    public static bool IsGrounded(ExtractedField field, IReadOnlyList<PageText> pages)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(pages);

        var page = pages.FirstOrDefault(candidate => candidate.PageNumber == field.Page);
        if (page is null)
            return false;

        var pageText = Normalize(page.Text);
        var value = Normalize(field.Value);
        var evidence = Normalize(field.Evidence);
        if (value.Length == 0 || evidence.Length == 0 || !pageText.Contains(evidence, StringComparison.Ordinal))
            return false;

        return IsCodeField(field.Name)
            ? ContainsCode(pageText, value)
            : pageText.Contains(value, StringComparison.Ordinal);
    }

    /// <summary>The fields that are grounded, in their original order.</summary>
    public static IReadOnlyList<ExtractedField> KeepGrounded(
        IEnumerable<ExtractedField> fields,
        IReadOnlyList<PageText> pages)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Where(field => IsGrounded(field, pages)).ToList();
    }

    /// <summary>
    /// True when <paramref name="code"/> stands in <paramref name="text"/> as a whole code, not inside a longer run of
    /// letters and digits (a CPT code inside a phone or account number does not count). An ICD-10 code matches with
    /// or without its dot, since forms print both.
    /// </summary>
    public static bool ContainsCode(string text, string code)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(code);

        var wanted = Normalize(code).Replace(".", string.Empty, StringComparison.Ordinal);
        if (wanted.Length == 0)
            return false;

        foreach (Match token in CodeToken().Matches(Normalize(text)))
        {
            var candidate = token.Value.Replace(".", string.Empty, StringComparison.Ordinal);
            if (candidate == wanted || ModifiedCode().Match(candidate) is { Success: true } modified
                && modified.Groups["code"].Value == wanted)
            {
                return true;
            }
        }

        return false;
    }

    // A run of letters and digits joined by dots or hyphens (E11.9, 99213-25, and 1-800-992-1300 as one whole), so a
    // code-shaped piece of a phone or account number is not taken for a code.
    [GeneratedRegex(@"(?<![\p{L}\p{N}.\-])[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex CodeToken();

    // A procedure code followed by a two-character modifier, e.g. 99213-25 or J1100-RT.
    [GeneratedRegex(@"^(?<code>[\p{L}\p{N}]{5})-[\p{L}\p{N}]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModifiedCode();
}
