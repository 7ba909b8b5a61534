using System.Globalization;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// Modifier rules: 25 on an E/M billed with a procedure the same day, LT/RT/50 on paired-anatomy codes, conflicting
/// modifiers on one line, and a global service billed with its own 26 or TC component the same day.
/// </summary>
public sealed class ModifierCheck : IClaimCheck
{
    private readonly HashSet<string> pairedAnatomy;
    private readonly List<(int From, int To)> modifier25Ranges;
    private readonly TimeProvider time;

    /// <summary>Reads the paired-anatomy codes and modifier-25 ranges from <paramref name="options"/>.</summary>
    public ModifierCheck(BillingReviewOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        pairedAnatomy = new HashSet<string>(options.PairedAnatomyCodes, StringComparer.OrdinalIgnoreCase);
        modifier25Ranges = options.Modifier25ProcedureRanges.Select(ParseRange).ToList();
        this.time = time;
    }

    /// <inheritdoc />
    public IEnumerable<BillingFinding> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var findings = new List<BillingFinding>();
        foreach (var line in claim.Lines.Where(line => line.ProcedureCode is not null))
        {
            CheckConflicts(claim, line, findings);
            CheckLaterality(claim, line, findings);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var day in ClaimLines.ByDate(claim, today))
        {
            CheckModifier25(claim, day.ToList(), findings);
            CheckGlobalAndComponent(claim, day.ToList(), findings);
        }

        return findings;
    }

    private static void CheckConflicts(Claim claim, ServiceLine line, List<BillingFinding> findings)
    {
        void Conflict(string pair, string fix) => findings.Add(new BillingFinding(BillingRules.ModifierConflict,
            FindingSeverity.Error, claim.ClaimId, line.LineNumber,
            $"line {line.LineNumber} ({ClaimLines.Label(line)}) carries {pair} together", fix));

        if (line.HasModifier("LT") && line.HasModifier("RT"))
        {
            Conflict("LT and RT",
                "Bill one line with 50 (bilateral) or two lines, one LT and one RT, as the payer asks.");
        }

        if (line.HasModifier("50") && (line.HasModifier("LT") || line.HasModifier("RT")))
        {
            Conflict("50 and a side (LT/RT)", "Use 50 alone for a bilateral service, or LT/RT alone for one side.");
        }

        if (line.HasModifier("26") && line.HasModifier("TC"))
        {
            Conflict("26 and TC", "Both components on one line is the global service: remove 26 and TC.");
        }
    }

    private void CheckLaterality(Claim claim, ServiceLine line, List<BillingFinding> findings)
    {
        if (pairedAnatomy.Contains(line.ProcedureCode!)
            && !line.HasModifier("LT") && !line.HasModifier("RT") && !line.HasModifier("50"))
        {
            findings.Add(new BillingFinding(BillingRules.LateralityMissing, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber, $"{line.ProcedureCode} is a paired-anatomy code sent without LT, RT or 50",
                "Add LT or RT for the side documented, or 50 if both sides were treated."));
        }
    }

    private void CheckModifier25(Claim claim, List<ServiceLine> lines, List<BillingFinding> findings)
    {
        var procedures = lines.Where(line => NumericCode(line) is int code
                && modifier25Ranges.Any(range => code >= range.From && code <= range.To))
            .Select(line => line.ProcedureCode)
            .Distinct()
            .ToList();
        if (procedures.Count == 0)
        {
            return;
        }

        foreach (var visit in lines.Where(line => CodeFormats.IsEvaluationAndManagement(line.ProcedureCode)
                     && !line.HasModifier("25")))
        {
            findings.Add(new BillingFinding(BillingRules.Modifier25Missing, FindingSeverity.Error, claim.ClaimId,
                visit.LineNumber,
                $"E/M {visit.ProcedureCode} on line {visit.LineNumber} billed the same day as procedure " +
                $"{string.Join(", ", procedures)} without modifier 25",
                $"If the note shows a significant, separately identifiable E/M beyond the procedure's usual pre- and " +
                $"post-service work, append 25 to line {visit.LineNumber}; otherwise remove the E/M line."));
        }
    }

    private static void CheckGlobalAndComponent(Claim claim, List<ServiceLine> lines, List<BillingFinding> findings)
    {
        foreach (var code in lines.GroupBy(line => line.ProcedureCode!))
        {
            var global = code.FirstOrDefault(line => !line.HasModifier("26") && !line.HasModifier("TC"));
            var component = code.FirstOrDefault(line => line.HasModifier("26") ^ line.HasModifier("TC"));
            if (global is not null && component is not null)
            {
                findings.Add(new BillingFinding(BillingRules.GlobalAndComponent, FindingSeverity.Error, claim.ClaimId,
                    component.LineNumber,
                    $"{code.Key} billed globally on line {global.LineNumber} and as component " +
                    $"{ClaimLines.Label(component)} on line {component.LineNumber} the same day",
                    "The global service already includes both components: remove the 26/TC line, or bill the " +
                    "global line with the component the practice did not perform."));
            }
        }
    }

    private static int? NumericCode(ServiceLine line) => CodeFormats.NumericCpt(line.ProcedureCode);

    private static (int From, int To) ParseRange(string range)
    {
        var parts = range.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            ? (from, to)
            : throw new FormatException("BillingReview:Modifier25ProcedureRanges entries must look like 10004-69990");
    }
}
