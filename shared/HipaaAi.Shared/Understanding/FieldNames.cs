namespace HipaaAi.Shared.Understanding;

/// <summary>
/// The names of the fields that intake extracts; shared by extractors, rules, tests and ground truth.
/// </summary>
public static class FieldNames
{
    public const string PatientName = "patient_name";
    public const string DateOfBirth = "date_of_birth";
    public const string Mrn = "mrn";
    public const string Sex = "sex";
    public const string ProviderName = "provider_name";
    public const string ProviderNpi = "provider_npi";
    public const string Payer = "payer";
    public const string MemberId = "member_id";
    public const string DateOfService = "date_of_service";
    public const string Icd10Codes = "icd10_codes";
    public const string CptHcpcsCodes = "cpt_hcpcs_codes";

    public static IReadOnlyList<string> All { get; } =
    [
        PatientName, DateOfBirth, Mrn, Sex, ProviderName, ProviderNpi, Payer, MemberId, DateOfService, Icd10Codes,
        CptHcpcsCodes,
    ];
}
