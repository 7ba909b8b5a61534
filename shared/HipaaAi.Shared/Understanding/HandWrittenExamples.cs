namespace HipaaAi.Shared.Understanding;

/// <summary>
/// A few short, hand-written texts per class that the synthetic generator does not produce: terse faxes, odd
/// wording and non-clinical pages. They widen what the classifier has seen beyond the generator's templates.
/// </summary>
internal static class HandWrittenExamples
{
    public static IReadOnlyList<(DocumentType Type, string Text)> All { get; } =
    [
        (DocumentType.Referral, "Please see this patient for consultation. Reason for referral: persistent knee pain. Referring physician signature. Referral to orthopedics, authorization pending."),
        (DocumentType.Referral, "Consult request to cardiology. Referred by primary care for abnormal ECG. Please schedule new patient consult."),
        (DocumentType.LabResult, "Specimen collected. Result flag H. Reference range. Hemoglobin A1c 8.2 % (4.0-5.6). Final result verified by laboratory."),
        (DocumentType.LabResult, "Microbiology culture report. Urine culture: greater than 100,000 CFU/mL E. coli. Susceptibility panel attached. Lab accession."),
        (DocumentType.ImagingReport, "Ultrasound of the abdomen. Findings: gallbladder contains multiple stones without wall thickening. Impression: cholelithiasis. Radiologist."),
        (DocumentType.ImagingReport, "Mammogram screening bilateral. BI-RADS 1 negative. Comparison with prior exam. Technique: standard views."),
        (DocumentType.ClinicalNote, "Subjective: patient reports improvement. Objective: vitals stable, exam unremarkable. Assessment and plan: continue current medications, follow up 3 months."),
        (DocumentType.ClinicalNote, "Telehealth visit. Chief complaint cough. History of present illness. Review of systems negative. Plan: supportive care."),
        (DocumentType.DischargeSummary, "Admitted for chest pain, ruled out myocardial infarction. Hospital course uneventful. Discharged home in stable condition with follow-up."),
        (DocumentType.DischargeSummary, "Inpatient stay summary. Date of admission, date of discharge, discharge medications reconciled, discharge instructions given."),
        (DocumentType.PriorAuthorizationForm, "Precertification needed for outpatient MRI. Medical necessity statement. Member ID. Requested CPT code. Urgent review requested by provider."),
        (DocumentType.PriorAuthorizationForm, "Medication prior authorization request: drug name, strength, quantity, days supply, previous medications tried and failed."),
        (DocumentType.InsuranceCard, "Member ID card. Group number. Copay PCP / specialist / urgent care. Rx BIN PCN. Customer service number on back."),
        (DocumentType.InsuranceCard, "Eligibility check: coverage active, plan year deductible remaining, coinsurance 20 percent, in-network benefits verified."),
        (DocumentType.ClaimOrEob, "Claim processed. Amount billed, allowed amount, deductible, coinsurance, amount paid to provider. Patient responsibility. This is not a bill."),
        (DocumentType.ClaimOrEob, "UB-04 institutional claim. Revenue code, HCPCS, service units, total charges, payer name, billing provider NPI."),
        (DocumentType.FaxCoverSheet, "FAX. To: records department. From: clinic. Number of pages including cover. Message: see attached. Confidential."),
        (DocumentType.FaxCoverSheet, "Fax transmission. Attention: scheduling. Sender phone, sender fax. If you received this in error, notify us and destroy."),
        (DocumentType.PayerPolicy, "Clinical policy bulletin. Coverage is provided when criteria are met. Experimental and investigational uses are not covered. Background. Codes."),
        (DocumentType.PayerPolicy, "Reimbursement policy update effective next quarter. Modifier rules, bundling edits, and documentation requirements for providers."),
        (DocumentType.Other, "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."),
        (DocumentType.Other, "Recipe: two cups of flour, one egg, a pinch of salt. Bake at 350 degrees for 25 minutes. Serves four."),
        (DocumentType.Other, "xq#@ lll1|| ~~ ,,. -- __ %% mmrn rn rn ||| ... ;; ''' 11l1l1 zzkq vvw"),
        (DocumentType.Other, "Thank you for your business. Your order has shipped. Tracking number below. Unsubscribe from marketing emails."),
        (DocumentType.Other, "Meeting minutes: budget review, holiday schedule, new printer installed in the hallway, next meeting Thursday."),
    ];
}
