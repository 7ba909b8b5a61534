namespace HipaaAi.Shared.Billing;

/// <summary>
/// NCCI procedure-to-procedure edits (with the modifier 59/X{EPSU} rules they imply) and Medically Unlikely Edits.
/// </summary>
public sealed class NcciCheck(PtpEditTable ptp, MueTable mue, TimeProvider time) : IClaimCheck
{
    /// <summary>Distinct-procedural-service modifiers: the ones staff are told to consider.</summary>
    public static readonly IReadOnlySet<string> DistinctServiceModifiers =
        new HashSet<string>(["59", "XE", "XS", "XP", "XU"], StringComparer.OrdinalIgnoreCase);

    // NCCI-associated modifiers that bypass an indicator-1 edit (NCCI Policy Manual, chapter I, section E):
    // anatomic (E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI), global surgery (24, 25, 57, 58, 78, 79),
    // 27, 59, X{EPSU} and 91.
    private static readonly HashSet<string> BypassModifiers = new(
    [
        "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "TA", "T1", "T2", "T3",
        "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD", "RC", "LM", "RI", "24", "25", "57", "58", "78",
        "79", "27", "59", "XE", "XS", "XP", "XU", "91",
    ], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public IEnumerable<BillingFinding> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var findings = new List<BillingFinding>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var day in ClaimLines.ByDate(claim, today))
        {
            var lines = day.ToList();
            CheckPairs(claim, day.Key, lines, findings);
            CheckUnits(claim, lines, findings);
        }

        return findings;
    }

    private void CheckPairs(Claim claim, DateOnly date, List<ServiceLine> lines, List<BillingFinding> findings)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (lines[i].ProcedureCode == lines[j].ProcedureCode
                    || ptp.Find(lines[i].ProcedureCode!, lines[j].ProcedureCode!, date) is not { } edit
                    || edit.ModifierIndicator == 9)
                {
                    continue;
                }

                var column2 = lines[i].ProcedureCode == edit.Column2 ? lines[i] : lines[j];
                var column1 = ReferenceEquals(column2, lines[i]) ? lines[j] : lines[i];
                findings.Add(Evaluate(claim, edit, column1, column2));
            }
        }
    }

    private static BillingFinding Evaluate(Claim claim, PtpEdit edit, ServiceLine column1, ServiceLine column2)
    {
        var pair = $"NCCI PTP {edit.Column1}/{edit.Column2} (modifier indicator {edit.ModifierIndicator}, " +
                   $"{edit.Rationale}): column 1 on line {column1.LineNumber} ({ClaimLines.Label(column1)}), " +
                   $"column 2 on line {column2.LineNumber} ({ClaimLines.Label(column2)})";
        var sent = column1.Modifiers.Concat(column2.Modifiers).Where(BypassModifiers.Contains).Distinct().ToList();
        if (edit.ModifierIndicator == 0)
        {
            // Only a distinct-service modifier signals an attempt to bypass; 25 or a side modifier is there for
            // other reasons and is not worth a separate warning.
            sent = sent.Where(DistinctServiceModifiers.Contains).ToList();
            return sent.Count > 0
                ? new BillingFinding(BillingRules.PtpModifierCannotBypass, FindingSeverity.Error, claim.ClaimId,
                    column2.LineNumber, $"{pair}; modifier {string.Join('/', sent)} cannot bypass an indicator-0 edit",
                    $"Remove {edit.Column2}: it is not payable with {edit.Column1} on the same day under any modifier.")
                : new BillingFinding(BillingRules.PtpNotBypassable, FindingSeverity.Error, claim.ClaimId,
                    column2.LineNumber, pair,
                    $"Remove {edit.Column2}: it is bundled into {edit.Column1} the same day and no modifier applies.");
        }

        return sent.Count > 0
            ? new BillingFinding(BillingRules.PtpBypassed, FindingSeverity.Info, claim.ClaimId, column2.LineNumber,
                $"{pair}; bypassed by modifier {string.Join('/', sent)}",
                "Keep the note showing a separate site, session or encounter; the edit is bypassed only if it does.")
            : new BillingFinding(BillingRules.PtpModifierMissing, FindingSeverity.Error, claim.ClaimId,
                column2.LineNumber, $"{pair}; no NCCI-associated modifier on either line",
                $"If {edit.Column2} was a distinct service (other site, session or encounter) and the note shows it, " +
                $"append XS/XE/XP/XU (or 59) to line {column2.LineNumber}; otherwise remove {edit.Column2}.");
    }

    private void CheckUnits(Claim claim, List<ServiceLine> lines, List<BillingFinding> findings)
    {
        foreach (var code in lines.Where(line => line.UnitQualifier != "MJ").GroupBy(line => line.ProcedureCode!))
        {
            if (mue.Find(code.Key) is not { } edit)
            {
                continue;
            }

            if (edit.AdjudicationIndicator == 1)
            {
                foreach (var line in code.Where(line => line.Units > edit.MaxUnits))
                {
                    findings.Add(new BillingFinding(BillingRules.MueExceeded, FindingSeverity.Error, claim.ClaimId,
                        line.LineNumber,
                        $"{code.Key} billed {line.Units:0.##} units on line {line.LineNumber}; MUE {edit.MaxUnits} " +
                        $"per line (MAI 1, {edit.Rationale})",
                        "Bill the medically necessary units on separate lines with the anatomic or repeat modifier " +
                        "(RT/LT, 76, 77, 91), or reduce the units to what was done."));
                }

                continue;
            }

            var total = code.Sum(line => line.Units);
            if (total > edit.MaxUnits)
            {
                var last = code.Last();
                findings.Add(new BillingFinding(BillingRules.MueExceeded, FindingSeverity.Error, claim.ClaimId,
                    last.LineNumber,
                    $"{code.Key} billed {total:0.##} units on lines " +
                    $"{string.Join(", ", code.Select(l => l.LineNumber))}" +
                    $" for one day; MUE {edit.MaxUnits} per day (MAI {edit.AdjudicationIndicator}, {edit.Rationale})",
                    edit.AdjudicationIndicator == 2
                        ? "Reduce the units to the MUE: MAI 2 is an absolute per-day limit."
                        : "Reduce the units, or keep documentation of the unusual need ready for appeal (MAI 3)."));
            }
        }
    }
}
