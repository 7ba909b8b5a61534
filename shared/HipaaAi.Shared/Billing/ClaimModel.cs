namespace HipaaAi.Shared.Billing;

/// <summary>Which 837 implementation guide a claim came from.</summary>
public enum ClaimKind
{
    /// <summary>837P, 005010X222A1/A2: physician and other professional services.</summary>
    Professional,

    /// <summary>837I, 005010X223A2/A3: hospital and facility services.</summary>
    Institutional,
}

/// <summary>The code system a diagnosis qualifier names.</summary>
public enum DiagnosisCodeSystem
{
    /// <summary>ICD-10-CM (qualifiers starting with A: ABK, ABF, ABJ, APR, ABN).</summary>
    Icd10Cm,

    /// <summary>ICD-9-CM (qualifiers BK, BF, BJ, PR, BN): not valid for services after 2015-09-30.</summary>
    Icd9Cm,
}

/// <summary>One diagnosis from an HI segment, in the order the claim lists it (pointers count from 1).</summary>
/// <param name="Qualifier">HI composite element 1, e.g. ABK (principal) or ABF (other).</param>
/// <param name="Code">The code as sent, without a decimal point.</param>
/// <param name="CodeSystem">The code system the qualifier names.</param>
/// <param name="PresentOnAdmission">837I only: the present-on-admission indicator (HI0x-9).</param>
public sealed record Diagnosis(string Qualifier, string Code, DiagnosisCodeSystem CodeSystem,
    string? PresentOnAdmission = null);

/// <summary>
/// Who the claim is for, as the 837 names the patient. Held so an <see cref="IClinicalNoteSource"/> can find the
/// visit's note; <see cref="ToString"/> is redacted so the record never reaches a log or message by accident.
/// </summary>
/// <param name="MemberId">The subscriber's member id (2010BA NM109).</param>
/// <param name="IsSubscriber">True when the patient is the subscriber (no 2000C loop).</param>
/// <param name="RelationshipCode">PAT01 for a dependent, "18" (self) otherwise.</param>
/// <param name="LastName">Patient last name (NM103).</param>
/// <param name="FirstName">Patient first name (NM104).</param>
/// <param name="BirthDate">Patient date of birth (DMG02).</param>
public sealed record PatientReference(string MemberId, bool IsSubscriber, string RelationshipCode,
    string? LastName, string? FirstName, DateOnly? BirthDate)
{
    /// <summary>Redacted: a patient reference is PHI.</summary>
    public override string ToString() => "PatientReference(redacted)";
}

/// <summary>One 2400 service line.</summary>
/// <param name="LineNumber">LX01, or the line's position when LX is absent.</param>
/// <param name="ProcedureQualifier">HC (CPT/HCPCS), or another product/service qualifier.</param>
/// <param name="ProcedureCode">The CPT/HCPCS code; null on an 837I line billed by revenue code only.</param>
/// <param name="Modifiers">Up to four procedure modifiers in the order sent.</param>
/// <param name="Charge">Line charge amount.</param>
/// <param name="UnitQualifier">UN (units) or MJ (minutes) / DA (days).</param>
/// <param name="Units">Service unit count.</param>
/// <param name="DiagnosisPointers">837P SV107: 1-based positions into <see cref="Claim.Diagnoses"/>.</param>
/// <param name="RevenueCode">837I SV201 revenue code.</param>
/// <param name="ServiceDate">DTP*472 (the first date of a range), or the claim's date when the line has none.</param>
/// <param name="PlaceOfService">837P SV105 when it differs from the claim's.</param>
/// <param name="PriorAuthorization">Line-level REF*G1.</param>
public sealed record ServiceLine(
    int LineNumber,
    string ProcedureQualifier,
    string? ProcedureCode,
    IReadOnlyList<string> Modifiers,
    decimal Charge,
    string UnitQualifier,
    decimal Units,
    IReadOnlyList<int> DiagnosisPointers,
    string? RevenueCode = null,
    DateOnly? ServiceDate = null,
    string? PlaceOfService = null,
    string? PriorAuthorization = null)
{
    /// <summary>True when the line carries <paramref name="modifier"/>.</summary>
    public bool HasModifier(string modifier) => Modifiers.Contains(modifier, StringComparer.OrdinalIgnoreCase);
}

/// <summary>One 2300 claim with its service lines and the parties above it in the hierarchy.</summary>
/// <param name="Kind">837P or 837I.</param>
/// <param name="ClaimId">CLM01, the provider's patient control number.</param>
/// <param name="TotalCharge">CLM02.</param>
/// <param name="FacilityCode">CLM05-1: place of service (837P) or facility type code (837I).</param>
/// <param name="FrequencyCode">CLM05-3: 1 original, 7 replacement, 8 void.</param>
/// <param name="Diagnoses">HI diagnoses in claim order.</param>
/// <param name="PriorAuthorization">REF*G1 at claim level.</param>
/// <param name="ReferralNumber">REF*9F at claim level.</param>
/// <param name="BillingProviderNpi">2010AA NM109 when NM108 is XX.</param>
/// <param name="RenderingProviderNpi">2310B (837P) / 2310D (837I) NM1*82 NPI.</param>
/// <param name="AttendingProviderNpi">837I 2310A NM1*71 NPI.</param>
/// <param name="PayerId">2010BB NM109.</param>
/// <param name="PayerName">2010BB NM103.</param>
/// <param name="SubscriberMemberId">2010BA NM109.</param>
/// <param name="Patient">The patient, for documentation look-up.</param>
/// <param name="ServiceDate">Claim-level DTP*472 (837P) or the start of DTP*434 (837I).</param>
/// <param name="Lines">The service lines.</param>
/// <param name="Source">Where the claim sat in its file, for evidence (e.g. "ST 0021, CLM at segment 27").</param>
public sealed record Claim(
    ClaimKind Kind,
    string ClaimId,
    decimal TotalCharge,
    string? FacilityCode,
    string? FrequencyCode,
    IReadOnlyList<Diagnosis> Diagnoses,
    string? PriorAuthorization,
    string? ReferralNumber,
    string? BillingProviderNpi,
    string? RenderingProviderNpi,
    string? AttendingProviderNpi,
    string? PayerId,
    string? PayerName,
    string? SubscriberMemberId,
    PatientReference? Patient,
    DateOnly? ServiceDate,
    IReadOnlyList<ServiceLine> Lines,
    string? Source = null)
{
    /// <summary>Names the claim by id and size only: the rest is PHI.</summary>
    public override string ToString() => $"Claim {ClaimId} ({Kind}, {Lines.Count} lines)";
}
