using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Ai;

public sealed class FieldGroundingTests
{
    private static readonly PageText[] Pages =
    [
        new(1, "Patient:   TEST  Person\nMember ID W123456789", 0.9, 0, PageTextSource.Ocr),
        new(2, "Dx E119, R07.9. Call 1-800-992-1300. Procedure 93000 ordered. Visit 99214-25.", 0.9, 0,
            PageTextSource.Ocr),
    ];

    [Theory]
    [InlineData("patientName", "Test Person", 1, "patient: test person", true)]
    [InlineData("patientName", "Test Person", 2, "patient: test person", false)]
    [InlineData("patientName", "Test Person", 3, "patient: test person", false)]
    [InlineData("patientName", "Test Person", 1, "Patient: Test Persona", false)]
    [InlineData("patientName", "Other Person", 1, "Patient: Test Person", false)]
    [InlineData("memberId", "W123456789", 1, "", false)]
    [InlineData("icd10Code", "E11.9", 2, "Dx E119", true)]
    [InlineData("icd10Code", "R07.9", 2, "R07.9", true)]
    [InlineData("icd10Code", "I10", 2, "Dx E119", false)]
    [InlineData("cptCode", "93000", 2, "Procedure 93000 ordered", true)]
    [InlineData("cptCode", "99213", 2, "Dx E119", false)]
    [InlineData("cptCode", "992", 2, "Call 1-800-992-1300", false)]
    [InlineData("cptCode", "1300", 2, "Call 1-800-992-1300", false)]
    [InlineData("cptCode", "99214", 2, "Visit 99214-25", true)]
    public void IsGrounded_FieldAgainstPages_KeepsOnlySupportedValues(
        string name, string value, int page, string evidence, bool expected)
    {
        // Arrange
        var field = new ExtractedField(name, value, page, evidence, true, null);

        // Act
        var grounded = FieldGrounding.IsGrounded(field, Pages);

        // Assert
        Assert.Equal(expected, grounded);
    }

    [Theory]
    [InlineData("  A\t B\n\nC  ", "a b c")]
    [InlineData("MRN:\u00A012345", "mrn: 12345")]
    [InlineData("", "")]
    public void Normalize_Text_CollapsesWhitespaceAndCase(string text, string expected)
    {
        // Arrange / Act
        var normalized = FieldGrounding.Normalize(text);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void KeepGrounded_MixedFields_KeepsGroundedInOrder()
    {
        // Arrange
        ExtractedField[] fields =
        [
            new("cptCode", "99213", 2, "Procedure 93000 ordered", true, null),
            new("memberId", "W123456789", 1, "Member ID W123456789", true, null),
            new("cptCode", "93000", 2, "Procedure 93000 ordered", true, null),
        ];

        // Act
        var kept = FieldGrounding.KeepGrounded(fields, Pages);

        // Assert
        Assert.Equal(["W123456789", "93000"], kept.Select(field => field.Value));
    }

    [Theory]
    [InlineData("icd10Code", "E11.9", null)]
    [InlineData("icd10Code", "E119", null)]
    [InlineData("icd10Code", "U07.1X", "not an ICD-10-CM code")]
    [InlineData("cptCode", "99213", null)]
    [InlineData("cptCode", "0001F", null)]
    [InlineData("cptCode", "9921", "not a CPT code")]
    [InlineData("hcpcsCode", "J1100", null)]
    [InlineData("hcpcsCode", "1100J", "not a HCPCS Level II code")]
    [InlineData("npi", "1234567893", null)]
    [InlineData("npi", "12345", "not a 10-digit NPI")]
    [InlineData("dateOfBirth", "04/12/1961", null)]
    [InlineData("dateOfBirth", "31/31/1961", "not a recognisable date")]
    [InlineData("patientName", "anything", null)]
    public void FormatProblem_Value_NamesTheProblemOrNone(string name, string value, string? expected)
    {
        // Arrange / Act
        var problem = FieldCatalog.FormatProblem(name, value);

        // Assert
        Assert.Equal(expected, problem);
    }
}
