using System.Globalization;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Understanding;

/// <summary>One labelled value found on a line, with the line it came from.</summary>
internal sealed record LabelledValue(string Value, string Line);

/// <summary>The patient identity printed on one page; any part may be missing.</summary>
internal sealed record PageIdentity(LabelledValue? Name, LabelledValue? DateOfBirth, LabelledValue? Mrn)
{
    public bool IsEmpty => Name is null && DateOfBirth is null && Mrn is null;
}

/// <summary>Label patterns, date parsing and name normalisation shared by the splitter, extractor and checks.</summary>
internal static partial class ClinicalText
{
    private static readonly string[] DateParseFormats =
    [
        "M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", "MMM d, yyyy", "MMMM d, yyyy", "MMM. d, yyyy", "d-MMM-yyyy",
        "dd-MMM-yyyy", "M-d-yyyy", "MM-dd-yyyy",
    ];

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r', '\f', ' ', '\t'));

    /// <summary>Reads the patient name, date of birth and MRN printed on a page (the first of each).</summary>
    public static PageIdentity ReadIdentity(string text)
    {
        LabelledValue? name = null, dob = null, mrn = null;
        foreach (var line in Lines(text))
        {
            name ??= Capture(PatientNameRegex(), line, NormalizeName);
            dob ??= Capture(DateOfBirthRegex(), line, v => TryParseDate(v, out var iso) ? iso : v);
            mrn ??= Capture(MrnRegex(), line, v => v.ToUpperInvariant());
        }

        return new PageIdentity(name, dob, mrn);
    }

    /// <summary>Finds a date in free text; returns the raw text matched, or null.</summary>
    public static Match FindDate(string text) => DateRegex().Match(text);

    /// <summary>Parses the date shapes faxes use into ISO-8601; false when the text is not a real date.</summary>
    public static bool TryParseDate(string raw, out string iso)
    {
        var cleaned = raw.Trim().TrimEnd('.', ',');
        if (DateTime.TryParseExact(cleaned, DateParseFormats, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var parsed))
        {
            iso = parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        iso = cleaned;
        return false;
    }

    /// <summary>"LAST, FIRST" becomes "FIRST LAST"; credentials and extra columns are dropped. Case is kept.</summary>
    public static string NormalizeName(string raw)
    {
        var name = NameNoiseRegex().Replace(raw.Trim(), string.Empty).Trim().TrimEnd(',', '.', ';').Trim();
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            name = $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}";
        }

        return WhitespaceRegex().Replace(name, " ");
    }

    /// <summary>Cuts a labelled value at the next column: two spaces, a tab or a vertical bar.</summary>
    public static string UntilNextColumn(string value)
    {
        var match = ColumnBreakRegex().Match(value);
        return (match.Success ? value[..match.Index] : value).Trim();
    }

    private static LabelledValue? Capture(Regex regex, string line, Func<string, string> normalize)
    {
        var match = regex.Match(line);
        if (!match.Success)
        {
            return null;
        }

        var raw = UntilNextColumn(match.Groups["value"].Value);
        return raw.Length == 0 ? null : new LabelledValue(normalize(raw), line.Trim());
    }

    [GeneratedRegex(
        @"(?:(?:^|\|)\s*(?:name|pt\.?\s*name)|\b(?:patient(?:'s)?\s*name|patient|member\s*name|member|subscriber))\s*:\s*" +
        @"(?<value>[A-Za-z][A-Za-z' .,-]{1,60}?)(?=\s{2,}|\s*\||\s+(?:DOB|D\.O\.B|sex|MRN|gender|age)\b|\s*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PatientNameRegex();

    [GeneratedRegex(
        @"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|subscriber\s+DOB)\s*[:#]?\s*(?<value>\d{1,4}[/-]\d{1,2}[/-]\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2},\s*\d{4}|\d{1,2}-[A-Za-z]{3}-\d{4})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOfBirthRegex();

    [GeneratedRegex(
        @"\b(?:MRN|medical\s+record\s*(?:#|no\.?|number)|med\.?\s*rec\.?\s*#?|chart\s*#)\s*[:#]?\s*(?<value>[A-Z]{0,3}-?\d[\d-]{3,14})\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MrnRegex();

    [GeneratedRegex(
        @"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s*\d{4}\b|\b\d{1,2}-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{4}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^(?:dr\.?\s+)|,?\s*\b(?:MD|DO|NP|PA-C|PA|RN|MLS\(ASCP\)|FNP|DNP|PhD)\b\.?|\(.*?(?:\)|$)|\bNPI\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameNoiseRegex();

    [GeneratedRegex(@"\s{2,}|\t|\|")]
    private static partial Regex ColumnBreakRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
