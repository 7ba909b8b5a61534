namespace HipaaAi.Shared.Billing;

/// <summary>How much a finding matters before the claim is submitted.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; the claim can go as is (e.g. an edit correctly bypassed).</summary>
    Info = 0,

    /// <summary>Likely to be questioned or partly denied; a person should look.</summary>
    Warning = 1,

    /// <summary>Will be rejected or denied as sent.</summary>
    Error = 2,
}

/// <summary>
/// One thing billing staff should know about a claim. <paramref name="Evidence"/> names codes, modifiers and segment
/// positions (and, for documentation checks, a short quote of the note), never patient identifiers.
/// </summary>
/// <param name="Rule">Stable rule id from <see cref="BillingRules"/>.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="ClaimId">CLM01 of the claim.</param>
/// <param name="LineNumber">The service line (LX01), or null for a claim-level finding.</param>
/// <param name="Evidence">What was found.</param>
/// <param name="SuggestedFix">What to change, in billing staff's words.</param>
public sealed record BillingFinding(string Rule, FindingSeverity Severity, string ClaimId, int? LineNumber,
    string Evidence, string SuggestedFix);

/// <summary>The rule ids findings carry; stable so reports and dashboards can count them.</summary>
public static class BillingRules
{
    /// <summary>Diagnosis code is not shaped like ICD-10-CM.</summary>
    public const string Icd10Format = "ICD10-FORMAT";

    /// <summary>Diagnosis sent with an ICD-9 qualifier (BK/BF...).</summary>
    public const string Icd9Qualifier = "ICD9-QUALIFIER";

    /// <summary>An injury/fracture-type code without (or with an undefined) 7th character.</summary>
    public const string Icd10SeventhCharacter = "ICD10-7TH-CHAR";

    /// <summary>Procedure code is not shaped like CPT/HCPCS.</summary>
    public const string ProcedureFormat = "CPT-HCPCS-FORMAT";

    /// <summary>Revenue code is not four digits.</summary>
    public const string RevenueCodeFormat = "REVENUE-CODE-FORMAT";

    /// <summary>Modifier is not two alphanumeric characters.</summary>
    public const string ModifierFormat = "MODIFIER-FORMAT";

    /// <summary>An 837P line has no diagnosis pointer.</summary>
    public const string DiagnosisPointerMissing = "DX-POINTER-MISSING";

    /// <summary>A diagnosis pointer points past the claim's diagnoses.</summary>
    public const string DiagnosisPointerInvalid = "DX-POINTER-INVALID";

    /// <summary>The claim has no diagnosis at all.</summary>
    public const string DiagnosisMissing = "DX-MISSING";

    /// <summary>PTP pair with modifier indicator 0: the column 2 code is never paid with the column 1 code.</summary>
    public const string PtpNotBypassable = "NCCI-PTP-0";

    /// <summary>PTP pair with indicator 1 and no NCCI-associated modifier.</summary>
    public const string PtpModifierMissing = "MOD-59-MISSING";

    /// <summary>59/X{EPSU} sent on a pair whose indicator 0 means no modifier can bypass it.</summary>
    public const string PtpModifierCannotBypass = "MOD-59-CANNOT-BYPASS";

    /// <summary>PTP pair with indicator 1 bypassed by a modifier: the note must show a distinct service.</summary>
    public const string PtpBypassed = "NCCI-PTP-BYPASSED";

    /// <summary>Units above the MUE value.</summary>
    public const string MueExceeded = "MUE-UNITS";

    /// <summary>E/M billed with a procedure the same day without modifier 25.</summary>
    public const string Modifier25Missing = "MOD-25-MISSING";

    /// <summary>A paired-anatomy code without LT, RT or 50.</summary>
    public const string LateralityMissing = "MOD-LATERALITY-MISSING";

    /// <summary>Modifiers that contradict each other on one line (LT+RT, 26+TC, 50 with LT/RT).</summary>
    public const string ModifierConflict = "MOD-CONFLICT";

    /// <summary>Global service and its 26 or TC component billed for the same code and day.</summary>
    public const string GlobalAndComponent = "MOD-26-TC-SPLIT";

    /// <summary>The payer requires a modifier for the code.</summary>
    public const string PayerModifierRequired = "PAYER-MODIFIER-REQUIRED";

    /// <summary>The payer requires a prior authorization number (REF*G1) for the code.</summary>
    public const string PayerPriorAuthRequired = "PAYER-PRIOR-AUTH-REQUIRED";

    /// <summary>The payer does not pay the two codes together.</summary>
    public const string PayerPairForbidden = "PAYER-PAIR-FORBIDDEN";

    /// <summary>No clinical note was found for the visit.</summary>
    public const string DocumentationNotFound = "DOC-NOTE-NOT-FOUND";

    /// <summary>The note names the billed procedure (support, Info).</summary>
    public const string DocumentationSupports = "DOC-PROCEDURE-SUPPORTED";

    /// <summary>The note does not mention the billed procedure.</summary>
    public const string DocumentationProcedureMissing = "DOC-PROCEDURE-NOT-DOCUMENTED";

    /// <summary>The note's side disagrees with LT/RT, or names no side.</summary>
    public const string DocumentationLaterality = "DOC-LATERALITY";

    /// <summary>An E/M note lacks history, exam or medical decision making wording.</summary>
    public const string DocumentationEmElements = "DOC-EM-ELEMENTS";
}
