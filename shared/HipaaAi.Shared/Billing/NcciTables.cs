using System.Globalization;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// One NCCI procedure-to-procedure edit: when both codes are billed for the same patient and day, the column 2 code is
/// not paid unless <see cref="ModifierIndicator"/> is 1 and an NCCI-associated modifier shows a distinct service.
/// </summary>
/// <param name="Column1">The comprehensive code (paid).</param>
/// <param name="Column2">The component or mutually exclusive code (denied).</param>
/// <param name="Effective">First date of service the edit applies to.</param>
/// <param name="Deletion">Last date it applies to, or null while it is active.</param>
/// <param name="ModifierIndicator">0 never bypassable, 1 bypassable with a modifier, 9 not applicable.</param>
/// <param name="Rationale">The published reason text.</param>
public sealed record PtpEdit(string Column1, string Column2, DateOnly Effective, DateOnly? Deletion,
    int ModifierIndicator, string Rationale)
{
    /// <summary>True when the edit is in force on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => date >= Effective && (Deletion is null || date <= Deletion);
}

/// <summary>One Medically Unlikely Edit: the most units of a code a provider reports for one patient and day.</summary>
/// <param name="Code">The CPT/HCPCS code.</param>
/// <param name="MaxUnits">The MUE value.</param>
/// <param name="AdjudicationIndicator">1 per claim line, 2 per day (absolute policy), 3 per day (clinical).</param>
/// <param name="Rationale">The published MUE rationale.</param>
public sealed record MueEdit(string Code, int MaxUnits, int AdjudicationIndicator, string Rationale);

/// <summary>
/// The NCCI PTP table, loaded from the CMS quarterly practitioner or hospital file.
/// </summary>
/// <remarks>
/// Column layout used (CMS Medicare NCCI PTP edit files, tab-delimited text; the same order is described for the
/// publication files in the Medicaid NCCI Edit Design Manual, "Publication Formats - NCCI PTP Complete Edit Files",
/// https://studylib.net/doc/9424468/medicaid-ncci-edit-design-manual): Column 1, Column 2, "* = in existence prior to
/// 1996", Effective Date (YYYYMMDD), Deletion Date ("*" = none), Modifier (0 not allowed, 1 allowed, 9 not
/// applicable), PTP Edit Rationale. The files open with copyright and header rows; any row whose first two fields are
/// not procedure codes is skipped, so both the text and a CSV export load. Comma-separated rows may quote fields.
/// </remarks>
public sealed class PtpEditTable
{
    private readonly Dictionary<(string, string), List<PtpEdit>> edits = [];

    private PtpEditTable()
    {
    }

    /// <summary>How many edits were loaded.</summary>
    public int Count { get; private set; }

    /// <summary>An empty table (no PTP checks).</summary>
    public static PtpEditTable Empty { get; } = new();

    /// <summary>Reads a PTP file.</summary>
    public static PtpEditTable Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = new PtpEditTable();
        var lineNumber = 0;
        while (reader.ReadLine() is { } row)
        {
            lineNumber++;
            var fields = DelimitedRow.Split(row);
            if (fields.Count < 6 || !CodeFormats.IsCptOrHcpcsFormat(fields[0])
                || !CodeFormats.IsCptOrHcpcsFormat(fields[1]))
            {
                continue;
            }

            var effective = DelimitedRow.Date(fields[3], lineNumber, "effective date")
                ?? throw new FormatException($"PTP row {lineNumber}: effective date is missing");
            var deletion = DelimitedRow.Date(fields[4], lineNumber, "deletion date");
            if (!int.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var indicator)
                || indicator is not (0 or 1 or 9))
            {
                throw new FormatException($"PTP row {lineNumber}: modifier indicator is not 0, 1 or 9");
            }

            table.Add(new PtpEdit(fields[0], fields[1], effective, deletion, indicator,
                fields.Count > 6 ? fields[6] : string.Empty));
        }

        return table;
    }

    /// <summary>Reads a PTP file from disk.</summary>
    public static PtpEditTable LoadFile(string path)
    {
        using var reader = File.OpenText(path);
        return Load(reader);
    }

    /// <summary>The edit in force on <paramref name="date"/> for the two codes in either order, or null.</summary>
    public PtpEdit? Find(string first, string second, DateOnly date)
    {
        return Match(first, second) ?? Match(second, first);

        PtpEdit? Match(string column1, string column2) =>
            edits.TryGetValue((column1, column2), out var candidates)
                ? candidates.FirstOrDefault(edit => edit.AppliesOn(date))
                : null;
    }

    private void Add(PtpEdit edit)
    {
        var key = (edit.Column1, edit.Column2);
        if (!edits.TryGetValue(key, out var list))
        {
            edits[key] = list = [];
        }

        list.Add(edit);
        Count++;
    }
}

/// <summary>
/// The MUE table, loaded from the CMS quarterly practitioner, outpatient hospital or DME file.
/// </summary>
/// <remarks>
/// Column layout used (CMS MUE files as described by Noridian, https://med.noridianmedicare.com/web/jfb/topics/
/// claim-submission/medically-unlikely-edits): HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication
/// Indicator (text starting with 1, 2 or 3, e.g. "2 Date of Service Edit: Policy"), MUE Rationale. Header and
/// copyright rows are skipped; comma-separated (quoted) and tab-delimited rows both load.
/// </remarks>
public sealed class MueTable
{
    private readonly Dictionary<string, MueEdit> edits = new(StringComparer.Ordinal);

    private MueTable()
    {
    }

    /// <summary>How many codes have an MUE.</summary>
    public int Count => edits.Count;

    /// <summary>An empty table (no MUE checks).</summary>
    public static MueTable Empty { get; } = new();

    /// <summary>Reads an MUE file.</summary>
    public static MueTable Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = new MueTable();
        var lineNumber = 0;
        while (reader.ReadLine() is { } row)
        {
            lineNumber++;
            var fields = DelimitedRow.Split(row);
            if (fields.Count < 3 || !CodeFormats.IsCptOrHcpcsFormat(fields[0])
                || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var units))
            {
                continue;
            }

            var indicatorText = fields[2].TrimStart();
            if (indicatorText.Length == 0 || indicatorText[0] is not ('1' or '2' or '3'))
            {
                throw new FormatException(
                    $"MUE row {lineNumber}: adjudication indicator does not start with 1, 2 or 3");
            }

            table.edits[fields[0]] = new MueEdit(fields[0], units, indicatorText[0] - '0',
                fields.Count > 3 ? fields[3] : string.Empty);
        }

        return table;
    }

    /// <summary>Reads an MUE file from disk.</summary>
    public static MueTable LoadFile(string path)
    {
        using var reader = File.OpenText(path);
        return Load(reader);
    }

    /// <summary>The MUE for <paramref name="code"/>, or null when the code has none (or it is not published).</summary>
    public MueEdit? Find(string code) => edits.GetValueOrDefault(code);
}

/// <summary>Splits one row of a tab- or comma-delimited CMS file.</summary>
internal static class DelimitedRow
{
    public static List<string> Split(string row)
    {
        var delimiter = row.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < row.Length; i++)
        {
            var ch = row[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < row.Length && row[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == delimiter && !quoted)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }

    public static DateOnly? Date(string text, int lineNumber, string what)
    {
        if (text.Length == 0 || text == "*")
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"row {lineNumber}: {what} is not YYYYMMDD");
    }
}
