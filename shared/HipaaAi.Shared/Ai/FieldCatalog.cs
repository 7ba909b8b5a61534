using System.Globalization;
using System.Text.RegularExpressions;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Ai;

/// <summary>Which fields are extracted for each document type, and the format checks their values must pass.</summary>
public static partial class FieldCatalog
{
    private static readonly string[] Common = ["patientName", "dateOfBirth", "medicalRecordNumber", "serviceDate"];

    private static readonly string[] DateFormats =
        ["MM/dd/yyyy", "M/d/yyyy", "MM-dd-yyyy", "yyyy-MM-dd", "MM/dd/yy", "M/d/yy", "MMMM d, yyyy", "MMM d, yyyy"];

    /// <summary>The field names asked for on a document of the given type.</summary>
    public static IReadOnlyList<string> For(DocumentType type) =>
    [
        .. Common,
        .. type switch
        {
            DocumentType.Referral => ["referringProvider", "referredToProvider", "reasonForReferral", "npi", "icd10Code"],
            DocumentType.LabResult => ["orderingProvider", "testName", "collectionDate", "icd10Code"],
            DocumentType.ImagingReport => ["orderingProvider", "studyType", "impression", "cptCode"],
            DocumentType.ClinicalNote => ["provider", "icd10Code", "cptCode"],
            DocumentType.DischargeSummary => ["attendingProvider", "admissionDate", "dischargeDate", "icd10Code"],
            DocumentType.PriorAuthorizationForm =>
                ["memberId", "payerName", "requestingProvider", "npi", "icd10Code", "cptCode", "hcpcsCode"],
            DocumentType.InsuranceCard => ["memberId", "groupNumber", "payerName"],
            DocumentType.ClaimOrEob => ["memberId", "payerName", "claimNumber", "icd10Code", "cptCode", "hcpcsCode"],
            DocumentType.FaxCoverSheet => ["sendingOrganization", "receivingOrganization", "pageCount"],
            DocumentType.PayerPolicy => ["payerName", "policyNumber", "cptCode", "hcpcsCode"],
            _ => Array.Empty<string>(),
        },
    ];

    /// <summary>
    /// The problem with a value's format, or null when it passes (or the field has no format rule). A failing value is
    /// kept and marked, never corrected.
    /// </summary>
    public static string? FormatProblem(string fieldName, string value)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        ArgumentNullException.ThrowIfNull(value);

        var trimmed = value.Trim();
        return fieldName switch
        {
            "icd10Code" when !Icd10().IsMatch(trimmed) => "not an ICD-10-CM code",
            "cptCode" when !Cpt().IsMatch(trimmed) => "not a CPT code",
            "hcpcsCode" when !Hcpcs().IsMatch(trimmed) => "not a HCPCS Level II code",
            "npi" when !Npi().IsMatch(trimmed) => "not a 10-digit NPI",
            "dateOfBirth" or "serviceDate" or "collectionDate" or "admissionDate" or "dischargeDate"
                when !DateTime.TryParseExact(trimmed, DateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces, out _) => "not a recognisable date",
            _ => null,
        };
    }

    [GeneratedRegex(@"^[A-TV-Z][0-9][0-9AB](\.?[0-9A-TV-Z]{1,4})?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Icd10();

    [GeneratedRegex(@"^[0-9]{4}[0-9FTU]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cpt();

    [GeneratedRegex(@"^[A-V][0-9]{4}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hcpcs();

    [GeneratedRegex(@"^[12][0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex Npi();
}
