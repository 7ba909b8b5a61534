namespace HipaaAi.Shared.Billing;

/// <summary>Settings of the billing review, bound from the <c>BillingReview</c> configuration section.</summary>
public sealed class BillingReviewOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "BillingReview";

    /// <summary>
    /// Path of the full CMS NCCI PTP file (practitioner or hospital, tab-delimited text). When empty, the small sample
    /// shipped in the assembly is used: it is NOT the CMS table and catches only a handful of pairs.
    /// </summary>
    public string? PtpTablePath { get; set; }

    /// <summary>Path of the full CMS MUE file (CSV or tab-delimited). When empty, the shipped sample is used.</summary>
    public string? MueTablePath { get; set; }

    /// <summary>Path of a payer rules JSON file; when empty, the shipped example <c>Config/payer-rules.json</c>.
    /// </summary>
    public string? PayerRulesPath { get; set; }

    /// <summary>A claim with any finding at or above this severity goes to billing staff for review.</summary>
    public FindingSeverity StaffReviewThreshold { get; set; } = FindingSeverity.Warning;

    /// <summary>Codes for paired anatomy (knees, shoulders, eyes, ears, wrists) that need LT, RT or 50.</summary>
    public IList<string> PairedAnatomyCodes { get; } =
    [
        "20610", "20611", "29881", "29880", "27447", "64721", "66984", "66982", "69210", "73030", "73110", "73560",
        "73562", "73564", "73600", "73610", "73620", "73630", "76641", "76642",
    ];

    /// <summary>
    /// Procedure code ranges ("from-to", inclusive) that need modifier 25 on an E/M billed the same day: surgery
    /// (10004-69990), injections and infusions (96360-96379), active wound care (97597-97610).
    /// </summary>
    public IList<string> Modifier25ProcedureRanges { get; } = ["10004-69990", "96360-96379", "97597-97610"];
}
