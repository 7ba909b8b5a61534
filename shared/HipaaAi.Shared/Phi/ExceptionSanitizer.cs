using System.Text;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Phi;

/// <summary>
/// Produces the only form of an exception allowed into durable history, audit details or telemetry: its type and a
/// message with PHI-shaped text, quoted input, secrets and URL tokens removed, at most <see cref="MaxLength"/>
/// characters. Pattern removal cannot recognise a bare name; callers still must not put content in messages.
/// </summary>
public static partial class ExceptionSanitizer
{
    public const int MaxLength = 300;

    public const string Redacted = "[REDACTED]";

    /// <summary>Longer messages are cut at a word boundary first so the patterns run in bounded time.</summary>
    private const int MaxInput = 4096;

    private const int TimeoutMs = 200;

    public static string Sanitize(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var builder = new StringBuilder(exception.GetType().FullName ?? exception.GetType().Name);
        builder.Append(": ").Append(SanitizeText(exception.Message));
        var inner = exception.InnerException;
        if (inner is not null)
        {
            builder.Append(" (inner ").Append(inner.GetType().Name).Append(')');
        }

        return Truncate(builder.ToString());
    }

    /// <summary>Removes PHI-shaped text, quoted input and secrets from a message.</summary>
    public static string SanitizeText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var input = text.Length <= MaxInput ? text : CutAtWhitespace(text, MaxInput);
        try
        {
            var result = UrlPattern().Replace(input, match => UrlRedactor.Redact(match.Value));
            result = LabelledValuePattern().Replace(result, match => match.Groups["label"].Value + Redacted);
            result = SecretAssignmentPattern().Replace(result, match => match.Groups["name"].Value + "=" + Redacted);
            result = BearerPattern().Replace(result, "Bearer " + Redacted);
            result = QuotedPattern().Replace(result, match => match.Groups["open"].Value + Redacted + match.Groups["close"].Value);
            result = EmailPattern().Replace(result, Redacted);
            result = SsnPattern().Replace(result, Redacted);
            result = DatePattern().Replace(result, Redacted);
            result = WrittenDatePattern().Replace(result, Redacted);
            result = PhonePattern().Replace(result, Redacted);
            result = MixedIdentifierPattern().Replace(result, Redacted);
            result = DigitRunPattern().Replace(result, Redacted);
            return CollapseWhitespace().Replace(result, " ").Trim();
        }
        catch (RegexMatchTimeoutException)
        {
            return "[message withheld]"; // Fail closed: a message too odd to clean is not shown at all.
        }
    }

    private static string Truncate(string text) =>
        text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength - 1), "…");

    private static string CutAtWhitespace(string text, int length)
    {
        var cut = text.LastIndexOfAny([' ', '\n', '\t'], length);
        return text[..(cut > 0 ? cut : length)];
    }

    [GeneratedRegex(@"\b(?:https?|wss?|ftp)://[^\s""'<>]+", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex UrlPattern();

    /// <summary><c>Name: value</c> / <c>DOB=value</c>: the value runs to the end of the line or a separator.</summary>
    [GeneratedRegex(
        @"(?<label>\b(?:
            (?:patient|member|subscriber|insured|first|last|full|given|family|middle|maiden)[ _-]?name | name | patient
          | dob | date[ _-]?of[ _-]?birth | birth[ _-]?date
          | mrn | medical[ _-]?record(?:[ _-]?(?:number|no|\#))?
          | ssn | social[ _-]?security(?:[ _-]?(?:number|no))?
          | member[ _-]?(?:id|number|no) | subscriber[ _-]?(?:id|number) | policy[ _-]?(?:id|number)
          | account[ _-]?(?:id|number)
          | address | street | phone | tel | telephone | mobile | fax | e-?mail | diagnosis | dx
          )\s*[:=]\s*)(?<value>[^\r\n,;|}\]]+)",
        RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace, TimeoutMs)]
    private static partial Regex LabelledValuePattern();

    [GeneratedRegex(
        @"(?<name>\b(?:sig|se|sv|st|sp|sr|skoid|sktid|code|key|accountkey|sharedaccesskey|sharedaccesssignature|password|pwd|secret|client_secret|token|access_token|apikey|api-key)\b)\s*=\s*[^\s;&,""']+",
        RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex SecretAssignmentPattern();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex BearerPattern();

    /// <summary>Framework messages echo input in quotes (e.g. "The input string 'x' was not in a correct format").
    /// An opening quote must follow a space or bracket so apostrophes inside words are left alone.</summary>
    [GeneratedRegex(@"(?<open>(?:(?<=^)|(?<=[\s(\[{=:,]))['""‘“])[^'""’”\r\n]{1,500}(?<close>['""’”])", RegexOptions.None, TimeoutMs)]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"\b[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}\b", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b\d{3}[- ]\d{2}[- ]\d{4}\b", RegexOptions.None, TimeoutMs)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(
        @"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b",
        RegexOptions.None, TimeoutMs)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}\b",
        RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex WrittenDatePattern();

    /// <summary>Phone numbers with or without area code; a seven-digit local number is enough to redact.</summary>
    [GeneratedRegex(@"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])?\b\d{3}[\s.-]\d{4}\b", RegexOptions.None, TimeoutMs)]
    private static partial Regex PhonePattern();

    /// <summary>Member ids and MRNs mixing letters and digits, e.g. <c>ZQH829104773</c> or <c>A1234567</c>.</summary>
    [GeneratedRegex(@"\b(?=[A-Z0-9-]*\d{4})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,}\b", RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex MixedIdentifierPattern();

    [GeneratedRegex(@"\d{5,}", RegexOptions.None, TimeoutMs)]
    private static partial Regex DigitRunPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, TimeoutMs)]
    private static partial Regex CollapseWhitespace();
}
