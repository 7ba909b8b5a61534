using System.Globalization;

namespace HipaaAi.Shared.Understanding.Synthetic;

public sealed partial class SyntheticDocuments
{
    private SyntheticDocument Referral(DocumentContext c)
    {
        var title = Pick(["REFERRAL REQUEST", "Outpatient Referral Form", "SPECIALTY REFERRAL", "Referral for Consultation"]);
        var specialist = identities.NextProvider();
        var urgency = Pick(["Routine", "Urgent", "Routine (within 4 weeks)", "STAT"]);
        var diagnoses = c.Story.Diagnoses.Take(Between(1, c.Story.Diagnoses.Length)).ToArray();
        c.ExpectProvider();
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.Expect(FieldNames.Payer, c.Payer.Name);
        c.Expect(FieldNames.MemberId, c.Patient.MemberId);
        c.ExpectCodes(diagnoses, []);

        List<IReadOnlyList<string>> blocks =
        [
            Lines(c.Provider.Practice, $"Phone {c.Provider.Phone}   Fax {c.Provider.Fax}", string.Empty, title,
                $"Referral date: {c.Date(c.ServiceDate)}    Priority: {urgency}"),
            c.PatientBlock(mrn: Chance(0.5), sex: Chance(0.6)).ToList(),
            Lines("INSURANCE", $"Primary insurance: {c.Payer.Name} ({c.Payer.PlanType})",
                $"Member ID: {c.Patient.MemberId}    Group #: G{identities.Digits(6)}"),
            Lines("REFERRING PROVIDER", $"Referring provider: {c.ProviderName()}", $"NPI: {c.Provider.Npi}",
                $"Practice: {c.Provider.Practice}"),
            Lines("REFERRED TO", $"Specialty: {c.Story.Specialty}",
                $"Refer to: Dr. {specialist.FullName}, {specialist.Practice}", $"Fax: {specialist.Fax}"),
            [ "DIAGNOSIS", .. diagnoses.Select(d => $"{d.Code} - {d.Description}") ],
            Paragraph("REASON FOR REFERRAL",
                $"{Pick(["Patient presents with", "Evaluation requested for", "Please evaluate and treat"])} " +
                $"{c.Story.Complaint}. {Pick(["Conservative treatment has not helped.", "Symptoms are worsening.", "Prior workup attached."])} " +
                $"{Pick(["Please see and advise.", "Consultation and management requested.", "Evaluate for further intervention."])}"),
            Lines($"Number of visits requested: {Between(1, 6)}", "Records attached: office notes, recent labs",
                string.Empty, $"Signature: {c.ProviderName()}    Date: {c.Date(c.ServiceDate)}"),
        ];
        return Build(c, DocumentType.Referral, title, blocks, namesPatient: true);
    }

    private SyntheticDocument LabResult(DocumentContext c)
    {
        var labName = Pick(["Brightwater Reference Laboratory", "Valecrest Clinical Labs", "Northmoss Diagnostics"]);
        var title = Pick(["LABORATORY REPORT", "Lab Results", "CLINICAL LABORATORY REPORT", "Final Report - Laboratory"]);
        var panels = MedicalCodes.LabPanels.OrderBy(_ => random.Next()).Take(Between(1, 4)).ToArray();
        var printCodes = Chance(0.5);
        var printDiagnosis = Chance(0.5);
        c.ExpectProvider();
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        if (printCodes)
        {
            c.ExpectCodes([], panels.Select(p => p.Panel));
        }

        if (printDiagnosis)
        {
            c.ExpectCodes(c.Story.Diagnoses.Take(1), []);
        }

        List<IReadOnlyList<string>> blocks =
        [
            Lines(labName, $"CLIA #: 99D{identities.Digits(7)}    Lab Director: Dr. {identities.NextSurname()}",
                string.Empty, title),
            c.PatientBlock(mrn: true, sex: true).ToList(),
            Lines($"Ordering physician: {c.ProviderName()}    NPI: {c.Provider.Npi}",
                $"Collected: {c.Date(c.ServiceDate)} {Between(6, 11):00}:{Between(0, 59):00}    " +
                $"Received: {c.Date(c.ServiceDate)}    Reported: {c.Date(c.ServiceDate.AddDays(1))}",
                $"Specimen: {Pick(["Serum", "Whole blood", "Plasma", "Urine"])}    Accession: A{identities.Digits(9)}",
                printDiagnosis ? $"Diagnosis: {c.Story.Diagnoses[0].Code} {c.Story.Diagnoses[0].Description}" : string.Empty),
        ];
        foreach (var (panel, analytes) in panels)
        {
            var rows = new List<string>
            {
                printCodes ? $"{panel.Description.ToUpperInvariant()} (CPT {panel.Code})" : panel.Description.ToUpperInvariant(),
                "Test                      Result     Flag   Units      Reference Range",
            };
            foreach (var (name, unit, low, high) in analytes)
            {
                var value = low + ((high - low) * ((random.NextDouble() * 1.6) - 0.3));
                var flag = value < low ? "L" : value > high ? "H" : string.Empty;
                var decimals = high < 20 ? 1 : 0;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-25} {Math.Round(value, decimals),-10} {flag,-6} {unit,-10} {low}-{high}"));
            }

            blocks.Add(rows);
        }

        blocks.Add(Paragraph("COMMENTS", Pick([
            "Results flagged H or L are outside the reference range. Clinical correlation recommended.",
            "Specimen received in acceptable condition. Fasting status: fasting 10 hours.",
            "Critical values were called to the ordering office and read back.",
        ])));
        blocks.Add(Lines($"Electronically verified by {identities.NextSurname()}, MLS(ASCP) on {c.Date(c.ServiceDate.AddDays(1))}"));
        return Build(c, DocumentType.LabResult, title, blocks, namesPatient: true);
    }

    private SyntheticDocument ImagingReport(DocumentContext c)
    {
        var exam = c.Story.Imaging;
        var title = Pick(["RADIOLOGY REPORT", "Diagnostic Imaging Report", "IMAGING REPORT", "Final Radiology Report"]);
        var radiologist = identities.NextProvider();
        c.ExpectProvider();
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.ExpectCodes(c.Story.Diagnoses.Take(1), [exam]);

        var findings = Pick([
            "No acute fracture or dislocation. Alignment is maintained. Mild degenerative change is present.",
            "There is a small joint effusion. Soft tissues are otherwise unremarkable. No suspicious osseous lesion.",
            "Mild disc desiccation with a broad-based disc bulge contacting the traversing nerve root. No cord signal abnormality.",
            "Lungs are clear without focal consolidation. No pleural effusion or pneumothorax. Heart size is normal.",
            "Patchy airspace opacity in the right lower lobe compatible with pneumonia. No effusion.",
        ]);
        List<IReadOnlyList<string>> blocks =
        [
            Lines(Pick(["Oakridge Imaging Center", "Valewick Radiology Partners", "Lakeside Medical Imaging"]),
                string.Empty, title),
            c.PatientBlock(mrn: Chance(0.7), sex: Chance(0.5)).ToList(),
            Lines($"Exam: {exam.Description}    CPT: {exam.Code}", $"Date of exam: {c.Date(c.ServiceDate)}",
                $"Ordering physician: {c.ProviderName()} (NPI {c.Provider.Npi})",
                $"Accession #: RAD{identities.Digits(8)}"),
            Paragraph("CLINICAL HISTORY:",
                $"{c.Story.Complaint}. {c.Story.Diagnoses[0].Code} {c.Story.Diagnoses[0].Description}."),
            Paragraph("TECHNIQUE:", Pick([
                "Multiplanar multisequence images were obtained without intravenous contrast.",
                "Frontal and lateral views were obtained.",
                "Axial images were acquired with coronal and sagittal reformats.",
            ])),
            Lines("COMPARISON:", Pick(["None available.", "Prior study from last year.", "Outside images not available."])),
            Paragraph("FINDINGS:", findings),
            [ "IMPRESSION:", .. Wrap($"1. {findings.Split('.')[0]}.", 96),
                Pick(["2. Recommend clinical correlation.", "2. Follow-up imaging as clinically indicated.",
                    "2. No acute abnormality otherwise."]) ],
            Lines($"Electronically signed by: {radiologist.FullName}, MD, Radiologist    {c.Date(c.ServiceDate)}"),
        ];
        return Build(c, DocumentType.ImagingReport, title, blocks, namesPatient: true);
    }

    private SyntheticDocument ClinicalNote(DocumentContext c)
    {
        var title = Pick(["PROGRESS NOTE", "Office Visit Note", "CLINIC NOTE", "Follow-Up Visit", "HISTORY AND PHYSICAL"]);
        var visit = Pick(MedicalCodes.VisitCodes);
        var procedures = Chance(0.5) ? new[] { visit, c.Story.Procedures[0] } : [visit];
        c.ExpectProvider();
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.ExpectCodes(c.Story.Diagnoses, procedures);
        var age = (int)((c.ServiceDate.DayNumber - c.Patient.DateOfBirth.DayNumber) / 365.25);
        var sexWord = c.Patient.Sex == "F" ? "female" : "male";

        List<IReadOnlyList<string>> blocks =
        [
            Lines(c.Provider.Practice, string.Empty, title,
                $"Date of service: {c.Date(c.ServiceDate)}    Visit type: {Pick(["Established", "New patient", "Follow-up"])}"),
            c.PatientBlock(mrn: Chance(0.7), sex: Chance(0.5)).ToList(),
            Lines($"Provider: {c.ProviderName()}    NPI: {c.Provider.Npi}"),
            Lines("CHIEF COMPLAINT:", Capitalize(c.Story.Complaint) + "."),
            Paragraph("HISTORY OF PRESENT ILLNESS:",
                $"{age}-year-old {sexWord} presents with {c.Story.Complaint}. " +
                Pick(["Symptoms began gradually.", "Onset was sudden.", "Reports partial relief with rest."]) + " " +
                Pick(["Denies fever or chills.", "No recent travel.", "Has tried over-the-counter medication without benefit."]) + " " +
                Pick(["History of hypertension, well controlled.", "No prior surgeries.", "Non-smoker, drinks alcohol socially."])),
            Lines("CURRENT MEDICATIONS:", Pick(["lisinopril 10 mg daily", "metformin 500 mg twice daily", "none"]),
                Pick(["atorvastatin 20 mg nightly", "ibuprofen 400 mg as needed", "albuterol inhaler as needed"])),
            Lines("ALLERGIES: " + Pick(["NKDA", "Penicillin (rash)", "Sulfa drugs"])),
            Lines("REVIEW OF SYSTEMS:", "Constitutional: no weight loss. Cardiovascular: see HPI. Respiratory: see HPI.",
                "All other systems reviewed and negative."),
            Lines("VITALS:", $"BP {Between(104, 162)}/{Between(62, 98)}  HR {Between(58, 104)}  " +
                $"Temp {Between(970, 1012) / 10.0:0.0} F  SpO2 {Between(91, 100)}%  Wt {Between(110, 290)} lb"),
            Paragraph("PHYSICAL EXAM:", Pick([
                "Alert and oriented, no acute distress. Lungs clear. Heart regular rate and rhythm.",
                "Tenderness to palpation over the affected area. Strength 5/5. Sensation intact.",
                "Mild distress. Decreased breath sounds at the right base. Trace pedal edema.",
            ])),
            [ "ASSESSMENT:", .. c.Story.Diagnoses.Select((d, i) => $"{i + 1}. {d.Description} ({d.Code})") ],
            Paragraph("PLAN:", c.Story.Plan + " " + Pick([
                "Return to clinic in 4 weeks.", "Follow up sooner if symptoms worsen.", "Patient verbalized understanding."])),
            Lines("CPT: " + string.Join(", ", procedures.Select(p => p.Code))),
            Lines($"Electronically signed: {c.ProviderName()} {c.Date(c.ServiceDate)}"),
        ];
        return Build(c, DocumentType.ClinicalNote, title, blocks, namesPatient: true);
    }

    private SyntheticDocument DischargeSummary(DocumentContext c)
    {
        var title = Pick(["DISCHARGE SUMMARY", "Hospital Discharge Summary", "DISCHARGE SUMMARY / TRANSITION OF CARE"]);
        var admitted = c.ServiceDate.AddDays(-Between(2, 9));
        var hospital = Pick(["Riverton General Hospital", "Fairview Regional Medical Center", "Maple Grove Community Hospital"]);
        c.ExpectProvider();
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.ExpectCodes(c.Story.Diagnoses, [c.Story.Procedures[0]]);

        List<IReadOnlyList<string>> blocks =
        [
            Lines(hospital, string.Empty, title),
            c.PatientBlock(mrn: true, sex: Chance(0.6)).ToList(),
            Lines($"Admission date: {c.Date(admitted)}    Discharge date: {c.Date(c.ServiceDate)}",
                $"Attending physician: {c.ProviderName()}    NPI: {c.Provider.Npi}",
                $"Disposition: {Pick(["Home", "Home with home health", "Skilled nursing facility"])}"),
            Lines("ADMITTING DIAGNOSIS:", $"{c.Story.Diagnoses[0].Description} ({c.Story.Diagnoses[0].Code})"),
            [ "DISCHARGE DIAGNOSES:", .. c.Story.Diagnoses.Select(d => $"- {d.Code} {d.Description}") ],
            Paragraph("HOSPITAL COURSE:",
                $"The patient was admitted with {c.Story.Complaint}. " +
                Pick(["Initial labs were notable for mild leukocytosis.", "Vital signs stabilized within 24 hours.",
                    "Imaging on admission confirmed the diagnosis."]) + " " +
                $"Underwent {c.Story.Procedures[0].Description.ToLowerInvariant()} (CPT {c.Story.Procedures[0].Code}). " +
                Pick(["The postoperative course was uncomplicated.", "Symptoms improved steadily with treatment.",
                    "Physical therapy evaluated and cleared for discharge."]) + " " +
                Pick(["Pain is controlled on oral medication.", "Tolerating a regular diet.", "Ambulating independently."])),
            Lines("PROCEDURES:", $"{c.Story.Procedures[0].Code} {c.Story.Procedures[0].Description}"),
            Lines("DISCHARGE MEDICATIONS:", Pick(["acetaminophen 650 mg every 6 hours as needed", "apixaban 5 mg twice daily"]),
                Pick(["docusate 100 mg twice daily", "furosemide 40 mg daily", "amoxicillin-clavulanate 875 mg twice daily"]),
                Pick(["continue home lisinopril", "continue home metformin", "levothyroxine 50 mcg daily"])),
            Paragraph("FOLLOW-UP:", c.Story.Plan + $" Follow up with primary care within {Between(5, 14)} days."),
            Lines("CONDITION AT DISCHARGE: " + Pick(["Stable", "Improved", "Good"])),
            Lines($"Dictated by: {c.ProviderName()}    Date: {c.Date(c.ServiceDate)}"),
        ];
        return Build(c, DocumentType.DischargeSummary, title, blocks, namesPatient: true);
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
