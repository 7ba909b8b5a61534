using System.Globalization;

namespace HipaaAi.Shared.Understanding.Synthetic;

public sealed partial class SyntheticDocuments
{
    private SyntheticDocument PriorAuthorization(DocumentContext c)
    {
        var title = Pick(["PRIOR AUTHORIZATION REQUEST FORM", "Pre-Certification Request", "Request for Prior Authorization",
            "PRECERTIFICATION / PRIOR APPROVAL REQUEST"]);
        var procedures = c.Story.Procedures.Take(Between(1, c.Story.Procedures.Length)).ToArray();
        c.ExpectProvider();
        c.Expect(FieldNames.Payer, c.Payer.Name);
        c.Expect(FieldNames.MemberId, c.Patient.MemberId);
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.ExpectCodes(c.Story.Diagnoses, procedures);
        var urgent = Chance(0.3);

        List<IReadOnlyList<string>> blocks =
        [
            Lines(c.Payer.Name, $"Utilization Management Fax: {identities.NextPhone()}", string.Empty, title,
                urgent ? "[X] Urgent/expedited   [ ] Standard" : "[ ] Urgent/expedited   [X] Standard"),
            Lines("SECTION 1 - MEMBER INFORMATION", $"Member name: {c.PatientName()}",
                $"Date of birth: {c.Date(c.Patient.DateOfBirth)}", $"Member ID: {c.Patient.MemberId}",
                $"Health plan: {c.Payer.Name}    Plan type: {c.Payer.PlanType}"),
            Lines("SECTION 2 - REQUESTING PROVIDER", $"Requesting provider: {c.ProviderName()}",
                $"NPI: {c.Provider.Npi}    Specialty: {c.Provider.Specialty}",
                $"Phone: {c.Provider.Phone}    Fax: {c.Provider.Fax}"),
            [ "SECTION 3 - SERVICE REQUESTED", $"Requested start date: {c.Date(c.ServiceDate)}",
                $"Place of service: {Pick(["11 - Office", "22 - Outpatient hospital", "24 - Ambulatory surgical center"])}",
                "CPT/HCPCS code   Description                                    Units",
                .. procedures.Select(p => $"{p.Code,-16} {p.Description,-46} {Between(1, 12)}") ],
            [ "SECTION 4 - DIAGNOSIS", .. c.Story.Diagnoses.Select(d => $"ICD-10: {d.Code}  {d.Description}") ],
            Paragraph("SECTION 5 - CLINICAL INFORMATION / MEDICAL NECESSITY",
                $"Patient with {c.Story.Complaint}. " +
                Pick(["Failed six weeks of conservative therapy including physical therapy and NSAIDs.",
                    "Symptoms limit activities of daily living despite medication.",
                    "Prior imaging and office notes attached to support medical necessity."])),
            Lines("Attachments: [X] Clinical notes  [ ] Imaging  [X] Lab results", string.Empty,
                "I attest that the information provided is accurate.",
                $"Provider signature: {c.ProviderName(withCredential: false)}    Date: {c.Date(c.ServiceDate.AddDays(-3))}"),
        ];
        return Build(c, DocumentType.PriorAuthorizationForm, title, blocks, namesPatient: true);
    }

    private SyntheticDocument InsuranceCard(DocumentContext c)
    {
        c.Expect(FieldNames.Payer, c.Payer.Name);
        c.Expect(FieldNames.MemberId, c.Patient.MemberId);
        c.Expect(FieldNames.PatientName, c.Patient.FullName);
        var group = "GRP" + identities.Digits(6);

        if (Chance(0.5))
        {
            var title = Pick(["MEMBER ID CARD", "Insurance Card - Front and Back", "HEALTH PLAN IDENTIFICATION CARD"]);
            List<IReadOnlyList<string>> blocks =
            [
                Lines(title, "FRONT", c.Payer.Name, c.Payer.PlanType, $"Member: {c.PatientName()}",
                    $"Member ID: {c.Patient.MemberId}", $"Group No: {group}",
                    $"PCP: {c.Provider.FullName}", $"Copay: Office ${Between(1, 6) * 5} / Specialist ${Between(4, 12) * 5} / ER ${Between(5, 30) * 10}",
                    $"RxBIN: {identities.Digits(6)}  RxPCN: {Pick(["ADV", "RXP", "MEDD"])}  RxGRP: {identities.Digits(4)}"),
                Lines("BACK", $"Member services: {c.Payer.Phone}", $"Provider services: {c.Payer.Phone}",
                    $"Send claims to: {c.Payer.Name}, PO Box {Between(1000, 99999)}, Springfield ZZ {identities.Digits(5)}",
                    $"Payer ID: {c.Payer.PayerId}", "This card does not guarantee coverage or eligibility."),
            ];
            return Build(c, DocumentType.InsuranceCard, title, blocks, namesPatient: true);
        }
        else
        {
            var title = Pick(["ELIGIBILITY AND BENEFITS VERIFICATION", "Insurance Eligibility Response (270/271)",
                "COVERAGE VERIFICATION"]);
            c.Expect(FieldNames.DateOfBirth, Iso(c.Patient.DateOfBirth));
            List<IReadOnlyList<string>> blocks =
            [
                Lines(title, $"Inquiry date: {c.Date(c.ServiceDate)}", $"Payer: {c.Payer.Name}    Payer ID: {c.Payer.PayerId}"),
                Lines($"Subscriber: {c.PatientName()}", $"Subscriber DOB: {c.Date(c.Patient.DateOfBirth)}",
                    $"Member ID: {c.Patient.MemberId}    Group: {group}", "Relationship: Self"),
                Lines($"Coverage status: {Pick(["ACTIVE", "Active coverage"])}",
                    $"Plan: {c.Payer.PlanType}    Effective date: {c.Date(new DateOnly(today.Year, 1, 1))}",
                    $"Deductible: ${Between(5, 40) * 100}   Met: ${Between(0, 500)}",
                    $"Out-of-pocket max: ${Between(30, 90) * 100}", $"Office visit copay: ${Between(1, 6) * 5}",
                    $"Specialist copay: ${Between(4, 12) * 5}", "Prior authorization required for advanced imaging: Yes"),
            ];
            return Build(c, DocumentType.InsuranceCard, title, blocks, namesPatient: true);
        }
    }

    private SyntheticDocument ClaimOrEob(DocumentContext c)
    {
        var visit = Pick(MedicalCodes.VisitCodes);
        CodedItem[] procedures = Chance(0.6) ? [visit, c.Story.Procedures[0]] : [visit];
        c.Expect(FieldNames.Payer, c.Payer.Name);
        c.Expect(FieldNames.MemberId, c.Patient.MemberId);
        c.Expect(FieldNames.PatientName, c.Patient.FullName);
        c.Expect(FieldNames.DateOfService, Iso(c.ServiceDate));
        c.ExpectProvider();
        var claimNumber = "CLM" + identities.Digits(11);

        if (Chance(0.5))
        {
            var title = Pick(["EXPLANATION OF BENEFITS", "Explanation of Benefits (EOB)", "MEMBER EXPLANATION OF BENEFITS"]);
            c.ExpectCodes([], procedures);
            var rows = new List<string> { "Date of service  Code    Billed     Allowed    Plan paid  You owe" };
            foreach (var code in procedures)
            {
                var billed = Between(90, 1800);
                var allowed = billed * Between(40, 85) / 100;
                var paid = allowed * Between(60, 100) / 100;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Date(c.ServiceDate),-16} {code.Code,-7} ${billed,-9} ${allowed,-9} ${paid,-9} ${allowed - paid}"));
            }

            List<IReadOnlyList<string>> blocks =
            [
                Lines(c.Payer.Name, title, "THIS IS NOT A BILL", $"Statement date: {c.Date(c.ServiceDate.AddDays(21))}"),
                Lines($"Member: {c.PatientName()}", $"Member ID: {c.Patient.MemberId}", $"Claim number: {claimNumber}",
                    $"Provider: {c.ProviderName(withCredential: false)}  NPI {c.Provider.Npi}"),
                rows,
                Lines("Remark codes: " + Pick(["CO-45 Charge exceeds fee schedule", "PR-1 Deductible amount",
                    "PR-3 Co-payment amount"])),
                Paragraph("APPEAL RIGHTS",
                    "If you disagree with this decision you may file an appeal within 180 days of this notice. " +
                    $"Call member services at {c.Payer.Phone}."),
            ];
            return Build(c, DocumentType.ClaimOrEob, title, blocks, namesPatient: true);
        }
        else
        {
            var title = Pick(["HEALTH INSURANCE CLAIM FORM", "CMS-1500 CLAIM FORM", "Professional Claim (CMS-1500)"]);
            c.Expect(FieldNames.DateOfBirth, Iso(c.Patient.DateOfBirth));
            c.Expect(FieldNames.Sex, c.Patient.Sex);
            c.ExpectCodes(c.Story.Diagnoses, procedures);
            var letters = "ABCDEFGHIJKL";
            List<IReadOnlyList<string>> blocks =
            [
                Lines(title, "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12",
                    $"CARRIER: {c.Payer.Name}", "1. [ ] Medicare [ ] Medicaid [X] Group health plan"),
                Lines($"1a. INSURED'S ID NUMBER: {c.Patient.MemberId}", $"2. PATIENT'S NAME: {c.PatientName()}",
                    $"3. PATIENT'S BIRTH DATE: {c.Date(c.Patient.DateOfBirth)}  SEX: {c.Patient.Sex}",
                    $"5. PATIENT'S ADDRESS: {c.Patient.Address}"),
                [ "21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY (ICD Ind. 0)",
                    string.Join("   ", c.Story.Diagnoses.Select((d, i) => $"{letters[i]}. {d.Code}")) ],
                [ "24. A. DATE(S) OF SERVICE   B. POS   D. CPT/HCPCS   E. DX PTR   F. CHARGES   J. RENDERING NPI",
                    .. procedures.Select(p =>
                        $"    {c.Date(c.ServiceDate),-22} 11       {p.Code,-12} A          ${Between(90, 900)}.00     {c.Provider.Npi}") ],
                Lines($"25. FEDERAL TAX I.D.: 99-{identities.Digits(7)}    26. PATIENT ACCOUNT NO.: {claimNumber}",
                    $"31. SIGNATURE OF PHYSICIAN: {c.ProviderName(withCredential: false)}",
                    $"33. BILLING PROVIDER: {c.Provider.Practice}   33a. NPI: {c.Provider.Npi}"),
            ];
            return Build(c, DocumentType.ClaimOrEob, title, blocks, namesPatient: true);
        }
    }

    private SyntheticDocument FaxCover(DocumentContext c, int? pageCount)
    {
        var title = Pick(["FAX COVER SHEET", "FACSIMILE TRANSMITTAL", "Fax", "CONFIDENTIAL FAX"]);
        var recipient = identities.NextProvider();
        List<IReadOnlyList<string>> blocks =
        [
            Lines(c.Provider.Practice, title, string.Empty,
                $"Date: {c.Date(c.ServiceDate)}",
                $"To: {Pick(["Medical Records", "Intake Department", "Referral Coordinator"])} - {recipient.Practice}",
                $"Fax: {recipient.Fax}    Phone: {recipient.Phone}",
                $"From: {c.Provider.FullName}, {c.Provider.Practice}",
                $"Fax: {c.Provider.Fax}    Phone: {c.Provider.Phone}",
                $"Pages (including cover): {pageCount ?? Between(2, 12)}",
                $"Re: {Pick(["Referral and records", "Requested records", "Prior authorization packet", "Lab results", "Patient records"])}"),
            Lines($"[{(Chance(0.5) ? "X" : " ")}] Urgent  [ ] For review  [{(Chance(0.5) ? "X" : " ")}] Please reply  [ ] Please comment"),
            Paragraph("Comments:", Pick([
                "Please see attached records for the patient discussed. Call with any questions.",
                "Attached please find the requested documentation.",
                "Sending referral packet for scheduling. Thank you.",
            ])),
            Paragraph("CONFIDENTIALITY NOTICE:",
                "This facsimile contains confidential health information that is legally privileged. It is intended only " +
                "for the use of the recipient named above. If you have received this fax in error, please notify the " +
                "sender immediately and destroy the documents. Redisclosure is prohibited by law."),
        ];
        return Build(c, DocumentType.FaxCoverSheet, title, blocks, namesPatient: false, singlePage: true);
    }

    private SyntheticDocument PayerPolicy(DocumentContext c)
    {
        var payer = identities.NextPayer();
        var story = c.Story;
        var topic = story.Procedures[0].Description;
        var title = Pick(["MEDICAL POLICY", "Clinical Coverage Policy", "Medical Coverage Guideline", "Payment Policy"]);
        var truth = new DocumentContext(this, c.Patient);
        truth.Truth.Clear();
        truth.Expect(FieldNames.Payer, payer.Name);
        truth.ExpectCodes(story.Diagnoses, story.Procedures);

        List<IReadOnlyList<string>> blocks =
        [
            Lines(payer.Name, $"{title}: {topic}", $"Policy number: MP-{identities.Digits(4)}",
                $"Effective date: {truth.Date(today.AddDays(-Between(30, 400)))}    " +
                $"Last reviewed: {truth.Date(today.AddDays(-Between(1, 29)))}"),
            Paragraph("POLICY STATEMENT",
                $"{payer.Name} considers {topic.ToLowerInvariant()} medically necessary when the criteria below are met. " +
                "This policy applies to commercial and exchange products unless a member's benefit plan states otherwise."),
            Paragraph("COVERAGE CRITERIA",
                "1. Documentation of symptoms for at least six weeks. 2. Failure of conservative management. " +
                "3. Clinical findings consistent with the diagnosis. 4. Ordering provider is licensed in the relevant specialty."),
            Paragraph("NOT MEDICALLY NECESSARY",
                "Requests that do not meet the criteria above, repeat services within twelve months without a change in " +
                "clinical status, and services performed primarily for convenience are not covered."),
            Paragraph("DOCUMENTATION REQUIREMENTS",
                "Submit recent office notes, results of prior treatment, relevant imaging or laboratory results and the " +
                "planned date of service. Incomplete requests may be pended for additional information."),
            [ "APPLICABLE CODES", "CPT/HCPCS:", .. story.Procedures.Select(p => $"  {p.Code}  {p.Description}"),
                "ICD-10-CM diagnoses that support medical necessity:",
                .. story.Diagnoses.Select(d => $"  {d.Code}  {d.Description}") ],
            Paragraph("REFERENCES",
                "Specialty society clinical practice guidelines. Peer-reviewed literature reviewed by the medical policy committee."),
            Paragraph("DISCLAIMER",
                "Medical policies are not treatment recommendations. Coverage is subject to the member's benefit plan."),
        ];
        var document = Build(truth, DocumentType.PayerPolicy, title, blocks, namesPatient: false);
        return document;
    }

    private SyntheticDocument Junk(DocumentContext c)
    {
        var style = Between(0, 5);
        var title = style switch
        {
            0 => "Lunch and Learn Invitation",
            1 => "Office Supply Catalog",
            2 => "Staff Newsletter",
            3 => "Blank or unreadable page",
            4 => "Parking notice",
            _ => "Advertisement",
        };
        IReadOnlyList<string> lines = style switch
        {
            0 => [$"You're invited! {Pick(["Lunch and Learn", "Dinner Seminar", "Webinar"])}",
                $"Join us on {c.Date(today.AddDays(Between(3, 40)))} at noon in the {Pick(["break room", "conference room B"])}.",
                $"Topic: {Pick(["New inhaler options", "Managing office workflow", "Updates in wound care products"])}",
                "Food will be provided. RSVP to the front desk.", "Sponsored by Northwind Pharma Sales (fictional)."],
            1 => ["SPRING SALE - OFFICE SUPPLIES", "Copy paper, 10 reams ........ $42.99",
                "Toner cartridge (black) ...... $89.00", "Exam table paper, case ...... $55.50",
                "Call 1-800-555-0199 or fax this page back to order. Offer ends soon!", "Item #: " + identities.Digits(6)],
            2 => ["STAFF NEWSLETTER", $"Welcome to our newest team member {Pick(["Avery", "Jordan", "Rowan"])}!",
                "Reminder: flu shots for staff are available on Tuesdays.",
                "The holiday party committee is looking for volunteers.", "Please clean the refrigerator by Friday."],
            3 => [string.Concat(Enumerable.Range(0, Between(20, 80)).Select(_ => Pick(["~", ".", "'", ",", "|", "-", "_", " ", "%", "#", "l", "1", "i"]))),
                string.Concat(Enumerable.Range(0, Between(5, 40)).Select(_ => (char)Between(33, 126))),
                Pick(["", "This page intentionally left blank", "[illegible]", "TEST PAGE"])],
            4 => ["NOTICE", "The north parking lot will be repaved next week.",
                "Please park in the overflow lot behind building C.", "Thank you for your patience."],
            _ => ["LIMITED TIME OFFER", $"Refinance your practice loan at {Between(3, 9)}.{Between(0, 99):00}% APR",
                "No obligation. Reply STOP to unsubscribe.", "Call now: 1-800-555-0142"],
        };
        return Build(c, DocumentType.Other, title, [lines], namesPatient: false);
    }
}
