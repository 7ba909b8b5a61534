using System.Globalization;

namespace HipaaAi.Shared.Understanding.Synthetic;

/// <summary>
/// A seeded generator of realistic but fictitious clinical documents for every <see cref="DocumentType"/>, each
/// with its ground truth, and of multi-document fax packets. The same seed always gives the same documents. Every
/// page carries a "synthetic test document" line so that no output can be mistaken for a real record.
/// </summary>
public sealed partial class SyntheticDocuments
{
    /// <summary>The line printed on every page so the output is never mistaken for a real record.</summary>
    public const string SyntheticMarker = "SYNTHETIC TEST DOCUMENT - fictitious data, not a real patient";

    /// <summary>The fixed "today" used when none is given, so a seed gives the same documents on any day.</summary>
    public static readonly DateOnly DefaultToday = new(2025, 6, 2);

    private static readonly string[] DateFormats =
        ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd", "MMM d, yyyy", "MMMM d, yyyy", "dd-MMM-yyyy"];

    private readonly Random random;
    private readonly FakeIdentityFactory identities;
    private readonly DateOnly today;

    public SyntheticDocuments(int seed, DateOnly? today = null)
    {
        // Random(int) uses a stable algorithm across runtimes, which is what makes seeds reproducible.
#pragma warning disable CA5394 // Not for security: fictitious test data must be reproducible from a seed.
        random = new Random(seed);
#pragma warning restore CA5394
        identities = new FakeIdentityFactory(random);
        this.today = today ?? DefaultToday;
    }

    /// <summary>The document types the generator can make (all of them).</summary>
    public static IReadOnlyList<DocumentType> Types { get; } = Enum.GetValues<DocumentType>();

    /// <summary>Makes <paramref name="perType"/> documents of every type from one seed.</summary>
    public static IReadOnlyList<SyntheticDocument> Corpus(int seed, int perType)
    {
        var generator = new SyntheticDocuments(seed);
        var documents = new List<SyntheticDocument>(perType * Types.Count);
        for (var i = 0; i < perType; i++)
        {
            documents.AddRange(Types.Select(type => generator.Next(type)));
        }

        return documents;
    }

    /// <summary>A new fictitious patient.</summary>
    public FakePatient NextPatient() => identities.NextPatient(today);

    /// <summary>A document of the given type for a new fictitious patient.</summary>
    public SyntheticDocument Next(DocumentType type) => Next(type, NextPatient());

    /// <summary>A document of the given type for the given patient (ignored by types that name no patient).</summary>
    public SyntheticDocument Next(DocumentType type, FakePatient patient)
    {
        var context = new DocumentContext(this, patient);
        return type switch
        {
            DocumentType.Referral => Referral(context),
            DocumentType.LabResult => LabResult(context),
            DocumentType.ImagingReport => ImagingReport(context),
            DocumentType.ClinicalNote => ClinicalNote(context),
            DocumentType.DischargeSummary => DischargeSummary(context),
            DocumentType.PriorAuthorizationForm => PriorAuthorization(context),
            DocumentType.InsuranceCard => InsuranceCard(context),
            DocumentType.ClaimOrEob => ClaimOrEob(context),
            DocumentType.FaxCoverSheet => FaxCover(context, null),
            DocumentType.PayerPolicy => PayerPolicy(context),
            DocumentType.Other => Junk(context),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown document type."),
        };
    }

    /// <summary>
    /// A fax packet: a cover sheet, then two to four documents; about one packet in three holds a second patient.
    /// </summary>
    public SyntheticDocument[] NextFaxPacketDocuments()
    {
        var documentCount = random.Next(2, 5);
        var first = NextPatient();
        var second = random.Next(3) == 0 ? NextPatient() : null;
        DocumentType[] clinicalTypes =
        [
            DocumentType.Referral, DocumentType.LabResult, DocumentType.ImagingReport, DocumentType.ClinicalNote,
            DocumentType.DischargeSummary, DocumentType.PriorAuthorizationForm, DocumentType.InsuranceCard,
            DocumentType.ClaimOrEob,
        ];

        var documents = new List<SyntheticDocument>();
        for (var i = 0; i < documentCount; i++)
        {
            var patient = second is not null && i >= documentCount / 2 ? second : first;
            var type = clinicalTypes[random.Next(clinicalTypes.Length)];
            if (i > 0 && documents[^1].Type == type && documents[^1].Patient == patient)
            {
                // Two documents of the same kind for the same patient back to back are rare in a real fax.
                type = clinicalTypes[(Array.IndexOf(clinicalTypes, type) + 1) % clinicalTypes.Length];
            }

            documents.Add(Next(type, patient));
        }

        var pageCount = documents.Sum(d => d.Pages.Count) + 1;
        documents.Insert(0, FaxCover(new DocumentContext(this, first), pageCount));
        return [.. documents];
    }

    /// <summary>A fax packet with page positions; the cover sheet is page 1.</summary>
    public FaxPacket NextFaxPacket()
    {
        var placed = new List<PacketDocument>();
        var page = 1;
        foreach (var document in NextFaxPacketDocuments())
        {
            placed.Add(new PacketDocument(document, page, page + document.Pages.Count - 1));
            page += document.Pages.Count;
        }

        return new FaxPacket(placed);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(double probability) => random.NextDouble() < probability;

    private int Between(int minInclusive, int maxInclusive) => random.Next(minInclusive, maxInclusive + 1);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Per-document choices of wording and layout, so every document is consistent with itself.</summary>
    private sealed class DocumentContext
    {
        private readonly SyntheticDocuments owner;
        private readonly string dateFormat;
        private readonly bool lastNameFirst;
        private readonly bool upperCaseName;

        public DocumentContext(SyntheticDocuments owner, FakePatient patient)
        {
            this.owner = owner;
            Patient = patient;
            dateFormat = owner.Pick(DateFormats);
            lastNameFirst = owner.Chance(0.4);
            upperCaseName = owner.Chance(0.3);
            Provider = owner.identities.NextProvider();
            Payer = owner.identities.PayerFor(patient);
            Story = owner.Pick(MedicalCodes.Stories);
            ServiceDate = owner.today.AddDays(-owner.Between(1, 60));
        }

        public FakePatient Patient { get; }

        public FakeProvider Provider { get; }

        public FakePayer Payer { get; }

        public MedicalCodes.Story Story { get; }

        public DateOnly ServiceDate { get; }

        public Dictionary<string, List<string>> Truth { get; } = [];

        public string Date(DateOnly date) => date.ToString(dateFormat, CultureInfo.InvariantCulture);

        public string PatientName()
        {
            var name = lastNameFirst
                ? $"{Patient.LastName}, {Patient.FirstName}"
                : Patient.FullName;
            return upperCaseName ? name.ToUpperInvariant() : name;
        }

        public string ProviderName(bool withCredential = true) =>
            withCredential ? $"{Provider.FullName}, {Provider.Credential}" : Provider.FullName;

        public void Expect(string field, string value)
        {
            if (!Truth.TryGetValue(field, out var values))
            {
                values = [];
                Truth[field] = values;
            }

            if (!values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }

        public void ExpectPatient(bool dob = true, bool mrn = false, bool sex = false)
        {
            Expect(FieldNames.PatientName, Patient.FullName);
            if (dob)
            {
                Expect(FieldNames.DateOfBirth, Iso(Patient.DateOfBirth));
            }

            if (mrn)
            {
                Expect(FieldNames.Mrn, Patient.Mrn);
            }

            if (sex)
            {
                Expect(FieldNames.Sex, Patient.Sex);
            }
        }

        public void ExpectProvider()
        {
            Expect(FieldNames.ProviderName, Provider.FullName);
            Expect(FieldNames.ProviderNpi, Provider.Npi);
        }

        public void ExpectCodes(IEnumerable<CodedItem> diagnoses, IEnumerable<CodedItem> procedures)
        {
            foreach (var code in diagnoses)
            {
                Expect(FieldNames.Icd10Codes, code.Code);
            }

            foreach (var code in procedures)
            {
                Expect(FieldNames.CptHcpcsCodes, code.Code);
            }
        }

        /// <summary>
        /// A patient block in one of several layouts. Every layout prints name and DOB; MRN and sex as asked.
        /// </summary>
        public IEnumerable<string> PatientBlock(bool mrn, bool sex)
        {
            var sexWord = Patient.Sex == "F" ? "Female" : "Male";
            switch (owner.Between(0, 2))
            {
                case 0:
                    yield return $"Patient: {PatientName()}    DOB: {Date(Patient.DateOfBirth)}" +
                        (sex ? $"    Sex: {Patient.Sex}" : string.Empty);
                    if (mrn)
                    {
                        yield return $"MRN: {Patient.Mrn}    Phone: {Patient.Phone}";
                    }

                    break;
                case 1:
                    yield return $"PATIENT NAME: {PatientName()}";
                    yield return $"DATE OF BIRTH: {Date(Patient.DateOfBirth)}";
                    if (sex)
                    {
                        yield return $"GENDER: {sexWord}";
                    }

                    if (mrn)
                    {
                        yield return $"MEDICAL RECORD #: {Patient.Mrn}";
                    }

                    yield return $"ADDRESS: {Patient.Address}";
                    break;
                default:
                    yield return $"Name: {PatientName()} | D.O.B.: {Date(Patient.DateOfBirth)}" +
                        (mrn ? $" | MRN: {Patient.Mrn}" : string.Empty);
                    if (sex)
                    {
                        yield return $"Sex: {sexWord}   Home phone: {Patient.Phone}";
                    }

                    break;
            }

            ExpectPatient(dob: true, mrn: mrn, sex: sex);
        }

        public Dictionary<string, IReadOnlyList<string>> FrozenTruth() =>
            Truth.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToList());
    }
}
