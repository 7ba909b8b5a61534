using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.PriorAuthorization;

/// <summary>
/// A made-up prior-authorization case and the made-up payer criteria it is judged by, written for these tests:
/// "Example Health Plan" covering "examplumab" for plaque psoriasis after a topical therapy and phototherapy, by a
/// dermatologist, with a recent lab within range. No real payer, patient or policy.
/// </summary>
internal static class SyntheticPriorAuthCase
{
    public const string Payer = "Example Health Plan";
    public const string Service = "examplumab-psoriasis";
    public static readonly DateOnly RequestDate = new(2026, 3, 2);

    public static string CriteriaJson(int version, string effectiveFrom, string extraCriterion = "") => $$"""
        {
          // Synthetic criteria for tests only.
          "payer": "{{Payer}}",
          "service": "{{Service}}",
          "version": {{version}},
          "effectiveFrom": "{{effectiveFrom}}",
          "source": "Example Health Plan policy EX-{{version}} (synthetic)",
          "serviceCodes": ["J3590"],
          "diagnosisCodes": ["L40.0"],
          "serviceNames": ["examplumab"],
          "indications": ["psoriasis"],
          "requiredDocuments": ["PriorAuthorizationForm", "ClinicalNote", "LabResult"],
          "packetOrder": ["PriorAuthorizationForm", "ClinicalNote", "LabResult"],
          "criteria": [
            { "id": "adult", "text": "Patient is 18 or older", "kind": "AgeAtLeast", "years": 18 },
            { "id": "psoriasis-diagnosis", "text": "Plaque psoriasis diagnosed", "kind": "Text",
              "anyOf": [["plaque psoriasis"]], "hedgedBy": ["rule out", "possible"], "foundIn": ["ClinicalNote"] },
            { "id": "step-therapy", "text": "Tried two prior therapies", "kind": "StepTherapy",
              "drugs": ["clobetasol", "calcipotriene", "phototherapy|NB-UVB", "methotrexate"], "minDistinct": 2,
              "foundIn": ["ClinicalNote"] },
            { "id": "specialist", "text": "Prescribed by a dermatologist", "kind": "Text",
              "anyOf": [["dermatolog(y|ist)\\b"]] },
            { "id": "liver-enzymes", "text": "ALT at most 40 U/L within 90 days", "kind": "LabRange",
              "analyte": "\\bALT\\b", "max": 40, "maxAgeDays": 90, "foundIn": ["LabResult"] }{{extraCriterion}}
          ]
        }
        """;

    public static PayerCriteria Criteria(int version = 1) =>
        PayerCriteriaCatalog.ParseJson(CriteriaJson(version, "2025-01-01"), "synthetic");

    public static string FormText(string patient = "Jordan Example") => $"""
        PRIOR AUTHORIZATION REQUEST FORM
        Patient Name: {patient}
        DOB: 04/12/1980
        Member ID: EXH-558812
        Medication requested: Examplumab 45 mg
        Prescriber specialty: Dermatology
        Diagnosis: plaque psoriasis L40.0
        """;

    public static string NoteText(string patient = "Jordan Example", string dob = "04/12/1980") => $"""
        DERMATOLOGY CLINIC NOTE
        Patient Name: {patient}
        DOB: {dob}
        Date of Service: 02/20/2026
        Assessment: moderate to severe plaque psoriasis covering 15% of body surface.
        Tried clobetasol ointment for 12 weeks without response.
        Completed 20 sessions of NB-UVB phototherapy with no improvement.
        Plan: start examplumab. Seen by dermatologist Dr. Sample.
        """;

    public static string LabText(string alt = "32", string date = "02/18/2026") => $"""
        LABORATORY REPORT
        Patient Name: Jordan Example
        DOB: 04/12/1980
        Date of Service: {date}
        ALT {alt} U/L (reference 7 - 40)
        AST 28 U/L (reference 8 - 40)
        """;

    public static CaseDocument Document(string id, DocumentType type, string text, DateOnly? date = null,
        DateOnly? birth = null)
    {
        var fields = new List<ExtractedField>();
        if (date is { } serviceDate)
        {
            fields.Add(new ExtractedField(FieldNames.DateOfService, serviceDate.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture), 1, "Date of Service", true, null));
        }

        if (birth is { } dob)
        {
            fields.Add(new ExtractedField(FieldNames.DateOfBirth, dob.ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture), 1, "DOB", true, null));
        }

        return new CaseDocument(id, type, [new PageText(1, text, 1, 0, PageTextSource.TextLayer)], fields);
    }

    public static IReadOnlyList<CaseDocument> CompleteCase(string labAlt = "32", DateOnly? labDate = null) =>
    [
        Document("form", DocumentType.PriorAuthorizationForm, FormText()),
        Document("note", DocumentType.ClinicalNote, NoteText(), new DateOnly(2026, 2, 20), new DateOnly(1980, 4, 12)),
        Document("lab", DocumentType.LabResult, LabText(labAlt), labDate ?? new DateOnly(2026, 2, 18)),
    ];

    public static RequestedService Request(string diagnosis = "L40.0", string? serviceCode = "J3590") =>
        new(Payer, "Gold PPO", Service, serviceCode, diagnosis, RequestDate);
}
