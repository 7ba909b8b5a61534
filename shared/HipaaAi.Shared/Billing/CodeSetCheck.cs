namespace HipaaAi.Shared.Billing;

/// <summary>
/// Code-set shape checks: ICD-10-CM (with 7th-character extensions), ICD-9 qualifiers after the ICD-10 date,
/// CPT/HCPCS, modifiers, revenue codes, and 837P diagnosis pointers (missing, or pointing at no diagnosis).
/// </summary>
public sealed class CodeSetCheck : IClaimCheck
{
    /// <summary>First date of service that must be coded in ICD-10-CM (HHS final rule, 2015-10-01).</summary>
    public static readonly DateOnly Icd10Start = new(2015, 10, 1);

    /// <inheritdoc />
    public IEnumerable<BillingFinding> Check(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var findings = new List<BillingFinding>();
        CheckDiagnoses(claim, findings);
        foreach (var line in claim.Lines)
        {
            CheckLineCodes(claim, line, findings);
            if (claim.Kind == ClaimKind.Professional)
            {
                CheckPointers(claim, line, findings);
            }
        }

        return findings;
    }

    private static void CheckDiagnoses(Claim claim, List<BillingFinding> findings)
    {
        if (claim.Diagnoses.Count == 0)
        {
            findings.Add(new BillingFinding(BillingRules.DiagnosisMissing, FindingSeverity.Error, claim.ClaimId, null,
                "no HI diagnosis on the claim", "Add the principal diagnosis (ABK) from the visit documentation."));
            return;
        }

        for (var i = 0; i < claim.Diagnoses.Count; i++)
        {
            var diagnosis = claim.Diagnoses[i];
            var label = $"diagnosis {i + 1} ({diagnosis.Qualifier}:{diagnosis.Code})";
            if (diagnosis.CodeSystem == DiagnosisCodeSystem.Icd9Cm)
            {
                var latest = claim.Lines.Select(line => line.ServiceDate).Append(claim.ServiceDate).Max();
                if (latest is null || latest >= Icd10Start)
                {
                    findings.Add(new BillingFinding(BillingRules.Icd9Qualifier, FindingSeverity.Error, claim.ClaimId,
                        null, $"{label} uses an ICD-9-CM qualifier for services on or after 2015-10-01 (or undated)",
                        "Code the diagnosis in ICD-10-CM and send it with qualifier ABK (principal) or ABF (other)."));
                }

                continue;
            }

            if (!CodeFormats.IsIcd10CmFormat(diagnosis.Code))
            {
                findings.Add(new BillingFinding(BillingRules.Icd10Format, FindingSeverity.Error, claim.ClaimId, null,
                    $"{label} is not an ICD-10-CM code shape (letter, digit, character, up to 4 more; no dot in X12)",
                    "Correct the code from the documentation; do not guess a replacement."));
            }
            else if (CodeFormats.SeventhCharacterProblem(diagnosis.Code) is { } problem)
            {
                findings.Add(new BillingFinding(BillingRules.Icd10SeventhCharacter, FindingSeverity.Error,
                    claim.ClaimId, null, $"{label} {problem}",
                    "Add the encounter extension the note supports (e.g. A initial, D subsequent, S sequela)."));
            }
        }
    }

    private static void CheckLineCodes(Claim claim, ServiceLine line, List<BillingFinding> findings)
    {
        if (line.ProcedureCode is { } code && line.ProcedureQualifier == "HC" && !CodeFormats.IsCptOrHcpcsFormat(code))
        {
            findings.Add(new BillingFinding(BillingRules.ProcedureFormat, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber,
                $"procedure {code} is not a CPT (5 digits, or 4 digits + F/T) or HCPCS (letter + 4 digits)",
                "Correct the procedure code."));
        }

        foreach (var modifier in line.Modifiers.Where(modifier => !CodeFormats.IsModifierFormat(modifier)))
        {
            findings.Add(new BillingFinding(BillingRules.ModifierFormat, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber, $"modifier {modifier} on {line.ProcedureCode} is not two letters or digits",
                "Correct or remove the modifier."));
        }

        if (claim.Kind == ClaimKind.Institutional && line.RevenueCode is { } revenue
            && !CodeFormats.IsRevenueCodeFormat(revenue))
        {
            findings.Add(new BillingFinding(BillingRules.RevenueCodeFormat, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber, $"revenue code {revenue} is not four digits",
                "Send the four-digit UB-04 revenue code."));
        }
    }

    private static void CheckPointers(Claim claim, ServiceLine line, List<BillingFinding> findings)
    {
        if (line.DiagnosisPointers.Count == 0)
        {
            findings.Add(new BillingFinding(BillingRules.DiagnosisPointerMissing, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber, $"line {line.LineNumber} ({ClaimLines.Label(line)}) has no SV107 diagnosis pointer",
                "Point the line at the diagnosis (1-12) that supports the service."));
            return;
        }

        foreach (var pointer in line.DiagnosisPointers.Where(p => p < 1 || p > claim.Diagnoses.Count))
        {
            findings.Add(new BillingFinding(BillingRules.DiagnosisPointerInvalid, FindingSeverity.Error, claim.ClaimId,
                line.LineNumber,
                $"line {line.LineNumber} ({ClaimLines.Label(line)}) points at diagnosis {pointer}; " +
                $"the claim lists {claim.Diagnoses.Count}",
                "Fix the pointer, or add the missing diagnosis to the HI segment."));
        }
    }
}
