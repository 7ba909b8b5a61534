namespace HipaaAi.Shared.Phi;

/// <summary>
/// Masks identifying values for places that show a record to someone who only needs to recognise it: a results
/// table, an approval card. Enough to tell two patients apart at a glance, not enough to identify one.
/// </summary>
public static class PhiMask
{
    /// <summary>"Maria Lopez" becomes "M. L."</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "-";
        }

        var initials = value.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(part => char.IsLetter(part[0]))
            .Select(part => char.ToUpperInvariant(part[0]) + ".");
        return string.Join(' ', initials);
    }

    /// <summary>An ISO date keeps only its year: "1957-03-14" becomes "1957-**-**".</summary>
    public static string Date(string? value) =>
        value is { Length: >= 4 } && value[..4].All(char.IsAsciiDigit) ? value[..4] + "-**-**" : "-";

    /// <summary>An identifier keeps its last <paramref name="visible"/> characters: "MRN00123456" becomes "*******3456".</summary>
    public static string Identifier(string? value, int visible = 4)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        return value.Length <= visible ? new string('*', value.Length) : new string('*', value.Length - visible) + value[^visible..];
    }
}
