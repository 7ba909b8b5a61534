using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class RuleBasedFieldExtractorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static RuleBasedFieldExtractor CreateExtractor(string? mrnPattern = null) =>
        new(new UnderstandingOptions { MrnPattern = mrnPattern }, new FixedTimeProvider(Now));

    private static List<PageText> Pages(params string[] texts) =>
        texts.Select((t, i) => new PageText(i + 1, t, 1.0, 0, PageTextSource.Ocr)).ToList();

    public static TheoryData<DocumentType> ExtractedTypes() =>
    [
        DocumentType.Referral, DocumentType.LabResult, DocumentType.ImagingReport, DocumentType.ClinicalNote,
        DocumentType.DischargeSummary, DocumentType.PriorAuthorizationForm, DocumentType.InsuranceCard,
        DocumentType.ClaimOrEob, DocumentType.PayerPolicy,
    ];

    [Theory]
    [MemberData(nameof(ExtractedTypes))]
    public async Task ExtractAsync_SyntheticDocuments_FindsEveryExpectedValueAndNoStrayCodes(DocumentType type)
    {
        var extractor = CreateExtractor();
        var failures = new List<string>();
        for (var seed = 100; seed < 130; seed++)
        {
            // Arrange
            var document = new SyntheticDocuments(seed).Next(type);

            // Act
            var fields = await extractor.ExtractAsync(type, document.ToPageTexts(), CancellationToken.None);

            // Assert (collected, so one run reports every miss)
            foreach (var (name, expected) in document.ExpectedFields)
            {
                var actual = fields.Where(f => f.Name == name).Select(f => f.Value).ToList();
                failures.AddRange(expected
                    .Where(e => !actual.Contains(e, StringComparer.OrdinalIgnoreCase))
                    .Select(e => $"{type} seed {seed}: missing {name} '{e}' (got: {string.Join(" | ", actual)})"));
            }

            foreach (var codeField in new[] { FieldNames.Icd10Codes, FieldNames.CptHcpcsCodes })
            {
                var expected = document.ExpectedFields.GetValueOrDefault(codeField) ?? [];
                failures.AddRange(fields.Where(f => f.Name == codeField && !expected.Contains(f.Value))
                    .Select(f => $"seed {seed}: stray {codeField} '{f.Value}' from '{f.Evidence}'"));
            }

            failures.AddRange(fields.Where(f => !f.IsValid).Select(f => $"seed {seed}: invalid {f.Name} '{f.Value}' {f.Problem}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task ExtractAsync_TwoPages_EveryValueCarriesPageAndSourceLine()
    {
        // Arrange
        var pages = Pages(
            "PROGRESS NOTE\nPatient: Thea Ashwick    DOB: 03/04/1961    Sex: F\nMRN: 00482913",
            "ASSESSMENT:\n1. Essential (primary) hypertension (I10)\nProvider: Oren Mossdale, MD    NPI: 1234567893\nCPT: 99213");

        // Act
        var fields = await CreateExtractor().ExtractAsync(DocumentType.ClinicalNote, pages, CancellationToken.None);

        // Assert
        Assert.Contains(new ExtractedField(FieldNames.PatientName, "Thea Ashwick", 1,
            "Patient: Thea Ashwick    DOB: 03/04/1961    Sex: F", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.DateOfBirth, "1961-03-04", 1,
            "Patient: Thea Ashwick    DOB: 03/04/1961    Sex: F", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.Sex, "F", 1,
            "Patient: Thea Ashwick    DOB: 03/04/1961    Sex: F", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.Mrn, "00482913", 1, "MRN: 00482913", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.Icd10Codes, "I10", 2,
            "1. Essential (primary) hypertension (I10)", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.ProviderName, "Oren Mossdale", 2,
            "Provider: Oren Mossdale, MD    NPI: 1234567893", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.ProviderNpi, "1234567893", 2,
            "Provider: Oren Mossdale, MD    NPI: 1234567893", true, null), fields);
        Assert.Contains(new ExtractedField(FieldNames.CptHcpcsCodes, "99213", 2, "CPT: 99213", true, null), fields);
    }

    [Theory]
    [InlineData("NPI: 1234567890", FieldNames.ProviderNpi, "1234567890", "NPI check digit does not match")]
    [InlineData("Patient: Thea Ashwick  DOB: 02/30/1961", FieldNames.DateOfBirth, "02/30/1961", "date of birth is not a real calendar date")]
    [InlineData("Patient: Thea Ashwick  DOB: 07/01/2031", FieldNames.DateOfBirth, "2031-07-01", "date of birth is in the future")]
    [InlineData("Diagnosis: ICD-10: E11.6X9Z9", FieldNames.Icd10Codes, "E11.6X9Z9", "ICD-10-CM code does not have the letter-digit-character[.xxxx] shape")]
    [InlineData("CPT: 9921", FieldNames.CptHcpcsCodes, "9921", "procedure code is neither CPT (5 digits or 4 digits + F/T/U) nor HCPCS Level II")]
    [InlineData("MRN: 12-34", FieldNames.Mrn, "12-34", "MRN does not match the configured pattern")]
    [InlineData("Sex: Q", FieldNames.Sex, "Q", "sex is not F, M or U")]
    public async Task ExtractAsync_InvalidValue_KeptUncorrectedWithProblem(
        string line, string field, string expectedValue, string expectedProblem)
    {
        // Act
        var fields = await CreateExtractor().ExtractAsync(DocumentType.ClinicalNote, Pages(line), CancellationToken.None);

        // Assert
        var extracted = Assert.Single(fields, f => f.Name == field);
        Assert.Equal(expectedValue, extracted.Value);
        Assert.False(extracted.IsValid);
        Assert.Equal(expectedProblem, extracted.Problem);
    }

    [Theory]
    [InlineData("Address: 4021 Sample Lane, Riverton, ZZ 10692")]
    [InlineData("Payer ID: 60054    Claims PO Box 14079")]
    [InlineData("Vitamin B12 level pending; CO2 24; eGFR 58")]
    [InlineData("Hemoglobin; glycosylated (A1C) ordered")]
    [InlineData("Group No: GRP123456  RxBIN: 610014")]
    public async Task ExtractAsync_NumbersOutsideCodeContext_EmitNoCodes(string line)
    {
        // Act
        var fields = await CreateExtractor().ExtractAsync(DocumentType.ClaimOrEob, Pages(line), CancellationToken.None);

        // Assert
        Assert.DoesNotContain(fields, f => f.Name is FieldNames.Icd10Codes or FieldNames.CptHcpcsCodes);
    }

    [Fact]
    public async Task ExtractAsync_ManySyntheticDocuments_NeverEmitsAValueMissingFromItsEvidenceOrPage()
    {
        // Arrange
        var extractor = CreateExtractor();
        var corpus = SyntheticDocuments.Corpus(seed: 77, perType: 5);

        foreach (var document in corpus)
        {
            var pages = document.ToPageTexts();

            // Act
            var fields = await extractor.ExtractAsync(document.Type, pages, CancellationToken.None);

            // Assert
            foreach (var field in fields.Where(f => f.Name is FieldNames.Icd10Codes or FieldNames.CptHcpcsCodes
                         or FieldNames.ProviderNpi or FieldNames.MemberId or FieldNames.Mrn))
            {
                Assert.Contains(field.Value, field.Evidence, StringComparison.OrdinalIgnoreCase);
                Assert.Contains(field.Evidence, pages[field.Page - 1].Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(DocumentType.FaxCoverSheet)]
    [InlineData(DocumentType.Other)]
    public async Task ExtractAsync_TypesWithoutFields_ReturnsNothing(DocumentType type)
    {
        // Arrange
        var document = new SyntheticDocuments(5).Next(type);

        // Act
        var fields = await CreateExtractor().ExtractAsync(type, document.ToPageTexts(), CancellationToken.None);

        // Assert
        Assert.Empty(fields);
    }

    [Fact]
    public async Task ExtractAsync_CustomMrnPattern_ValidatesAgainstIt()
    {
        // Act
        var fields = await CreateExtractor(@"^H\d{5}$").ExtractAsync(
            DocumentType.LabResult, Pages("MRN: 00482913"), CancellationToken.None);

        // Assert
        var mrn = Assert.Single(fields);
        Assert.False(mrn.IsValid);
    }
}
