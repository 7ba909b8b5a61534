using System.Text.RegularExpressions;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// Format rules for the code sets on a claim (shape only: a code that has the right shape may still not exist in the
/// current code set release). Written here because the understanding branch's FieldValidators is not in this tree.
/// </summary>
public static partial class CodeFormats
{
    // Sources of the shapes: ICD-10-CM Official Guidelines (3-7 characters, letter first, digit second, placeholder X,
    // 7th-character extensions); AMA CPT categories I (5 digits), II (4 digits + F), III (4 digits + T); CMS HCPCS
    // Level II (letter A-V + 4 digits).
    private static readonly string[] SeventhCharacterCategories =
    [
        "S", "T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T80", "T81", "T82", "T83", "T84", "T85", "T86", "T87",
        "T88", "M480", "M484", "M485", "M80", "M843", "M844", "M845", "M846", "O31", "O32", "O33", "O35", "O36",
        "O40", "O41", "O60", "O64", "O69", "R402",
    ];

    /// <summary>Removes the decimal point an ICD-10-CM code may be written with (X12 sends it without).</summary>
    public static string NormalizeIcd10(string code) => code.Replace(".", string.Empty, StringComparison.Ordinal)
        .Trim().ToUpperInvariant();

    /// <summary>True when <paramref name="code"/> is shaped like an ICD-10-CM code (with or without the dot).</summary>
    public static bool IsIcd10CmFormat(string code)
    {
        var normalized = NormalizeIcd10(code);
        if (!Icd10Shape().IsMatch(normalized))
        {
            return false;
        }

        // X after the category is a placeholder that only exists to reach a 7th-character extension.
        var placeholder = normalized.IndexOf('X', 3);
        return placeholder < 0 || (normalized.Length == 7 && normalized[placeholder..6].All(ch => ch == 'X'));
    }

    /// <summary>True when the code's category requires a 7th-character extension (injuries, fractures, ...).</summary>
    public static bool RequiresSeventhCharacter(string code)
    {
        var normalized = NormalizeIcd10(code);
        return SeventhCharacterCategories.Any(prefix => normalized.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// The problem with a code that requires a 7th character, or null: missing extension, or an extension letter that
    /// the injury/fracture chapters do not define.
    /// </summary>
    public static string? SeventhCharacterProblem(string code)
    {
        var normalized = NormalizeIcd10(code);
        if (!RequiresSeventhCharacter(normalized))
        {
            return null;
        }

        if (normalized.Length < 7)
        {
            return "requires a 7th-character extension (pad with X placeholders to six characters first)";
        }

        return normalized[0] is 'S' or 'T' && "ABCDEFGHJKMNPQRS".IndexOf(normalized[6], StringComparison.Ordinal) < 0
            ? "has a 7th character that is not a defined extension"
            : null;
    }

    /// <summary>True for CPT category I, II, III or HCPCS Level II shapes.</summary>
    public static bool IsCptOrHcpcsFormat(string code) => ProcedureShape().IsMatch(code);

    /// <summary>True for CPT category I codes 99202-99499 (evaluation and management).</summary>
    public static bool IsEvaluationAndManagement(string? code) =>
        code is { Length: 5 } && int.TryParse(code, out var value) && value is >= 99202 and <= 99499;

    /// <summary>True for a two-character alphanumeric modifier.</summary>
    public static bool IsModifierFormat(string modifier) => ModifierShape().IsMatch(modifier);

    /// <summary>True for a four-digit UB-04 revenue code (a three-digit one is sent with its leading zero).</summary>
    public static bool IsRevenueCodeFormat(string code) => RevenueShape().IsMatch(code);

    /// <summary>The CPT code as a number, or null for HCPCS and category II/III codes.</summary>
    public static int? NumericCpt(string? code) =>
        code is { Length: 5 } && code.All(char.IsAsciiDigit)
            ? int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex("^[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10Shape();

    [GeneratedRegex("^([0-9]{5}|[0-9]{4}[FT]|[A-V][0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProcedureShape();

    [GeneratedRegex("^[0-9A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ModifierShape();

    [GeneratedRegex("^0?[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RevenueShape();
}
