namespace HipaaAi.Shared.Understanding;

/// <summary>The kinds of document a clinic's fax and scan inboxes receive.</summary>
public enum DocumentType
{
    Other,
    Referral,
    LabResult,
    ImagingReport,
    ClinicalNote,
    DischargeSummary,
    PriorAuthorizationForm,
    InsuranceCard,
    ClaimOrEob,
    FaxCoverSheet,
    PayerPolicy,
}
