using System.Globalization;
using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Understanding;

/// <summary>The outcome of a format check: valid, or the problem named in words that carry no value.</summary>
public sealed record ValidationResult(bool IsValid, string? Problem)
{
    public static ValidationResult Valid { get; } = new(true, null);

    public static ValidationResult Invalid(string problem) => new(false, problem);
}

/// <summary>
/// Format checks for the values that intake extracts. They never correct a value; callers keep an invalid value and
/// show the problem. Problems name the rule that failed, never the value itself.
/// </summary>
public static partial class FieldValidators
{
    /// <summary>The default medical record number shape: up to three letters, an optional dash, 6-10 digits.</summary>
    public const string DefaultMrnPattern = @"^[A-Z]{0,3}-?\d{6,10}$";

    private const string NpiPrefix = "80840";

    /// <summary>Checks a 10-digit NPI: first digit 1 or 2, Luhn check digit computed over the 80840 prefix.</summary>
    public static ValidationResult Npi(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length != 10 || !value.All(char.IsAsciiDigit))
        {
            return ValidationResult.Invalid("NPI must be exactly 10 digits");
        }

        if (value[0] is not ('1' or '2'))
        {
            return ValidationResult.Invalid("NPI must start with 1 or 2");
        }

        return NpiCheckDigit(value[..9]) == value[9] - '0'
            ? ValidationResult.Valid
            : ValidationResult.Invalid("NPI check digit does not match");
    }

    /// <summary>
    /// The Luhn check digit of an NPI's first nine digits, computed with the 80840 card-issuer prefix.
    /// </summary>
    public static int NpiCheckDigit(string firstNineDigits)
    {
        ArgumentNullException.ThrowIfNull(firstNineDigits);
        if (firstNineDigits.Length != 9 || !firstNineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Nine digits are required.", nameof(firstNineDigits));
        }

        var digits = NpiPrefix + firstNineDigits;
        var sum = 0;

        // Walk from the right; the rightmost payload digit is doubled because the check digit will follow it.
        for (var position = 0; position < digits.Length; position++)
        {
            var digit = digits[digits.Length - 1 - position] - '0';
            if (position % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>
    /// Checks the ICD-10-CM shape: a letter, a digit, a letter or digit, then optionally a dot and up to four letters
    /// or digits (the seventh character included, e.g. S72.001A). Whether the code exists is not checked.
    /// </summary>
    public static ValidationResult Icd10Cm(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValidationResult.Invalid("ICD-10-CM code is empty");
        }

        return Icd10Regex().IsMatch(value)
            ? ValidationResult.Valid
            : ValidationResult.Invalid("ICD-10-CM code does not have the letter-digit-character[.xxxx] shape");
    }

    /// <summary>
    /// Checks a CPT code (five digits, or four digits and F, T or U) or a HCPCS Level II code (A-V + 4 digits).
    /// </summary>
    public static ValidationResult CptOrHcpcs(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValidationResult.Invalid("procedure code is empty");
        }

        return CptRegex().IsMatch(value) || HcpcsRegex().IsMatch(value)
            ? ValidationResult.Valid
            : ValidationResult.Invalid(
                "procedure code is neither CPT (5 digits or 4 digits + F/T/U) nor HCPCS Level II");
    }

    /// <summary>True when the value has the CPT shape: five digits, or four digits and F, T or U.</summary>
    public static bool IsCptShape(string value) => CptRegex().IsMatch(value);

    /// <summary>True when the value has the HCPCS Level II shape: a letter A-V and four digits.</summary>
    public static bool IsHcpcsShape(string value) => HcpcsRegex().IsMatch(value);

    /// <summary>Checks an ISO-8601 calendar date (yyyy-MM-dd) that really exists.</summary>
    public static ValidationResult Date(string? isoValue)
    {
        return DateOnly.TryParseExact(isoValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidationResult.Valid
            : ValidationResult.Invalid("date is not a real calendar date");
    }

    /// <summary>
    /// Checks a date of birth: a real ISO-8601 date, not after today and not more than 130 years ago.
    /// </summary>
    public static ValidationResult DateOfBirth(string? isoValue, DateOnly today)
    {
        if (!DateOnly.TryParseExact(
                isoValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dob))
        {
            return ValidationResult.Invalid("date of birth is not a real calendar date");
        }

        if (dob > today)
        {
            return ValidationResult.Invalid("date of birth is in the future");
        }

        return dob < today.AddYears(-130)
            ? ValidationResult.Invalid("date of birth is more than 130 years ago")
            : ValidationResult.Valid;
    }

    /// <summary>
    /// Checks a medical record number against a pattern (<see cref="DefaultMrnPattern"/> when none is given).
    /// </summary>
    public static ValidationResult Mrn(string? value, string? pattern = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ValidationResult.Invalid("MRN is empty");
        }

        var regex = pattern is null
            ? DefaultMrnRegex()
            : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        return regex.IsMatch(value)
            ? ValidationResult.Valid
            : ValidationResult.Invalid("MRN does not match the configured pattern");
    }

    [GeneratedRegex(@"^[A-Z][0-9][A-Z0-9](\.[A-Z0-9]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10Regex();

    [GeneratedRegex(@"^([0-9]{5}|[0-9]{4}[FTU])$", RegexOptions.CultureInvariant)]
    private static partial Regex CptRegex();

    [GeneratedRegex(@"^[A-V][0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex HcpcsRegex();

    [GeneratedRegex(DefaultMrnPattern, RegexOptions.CultureInvariant)]
    private static partial Regex DefaultMrnRegex();
}
