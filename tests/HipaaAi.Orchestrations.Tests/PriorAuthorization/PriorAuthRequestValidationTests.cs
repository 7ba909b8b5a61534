using HipaaAi.Orchestrations.PriorAuthorization.Trigger;

namespace HipaaAi.Orchestrations.Tests.PriorAuthorization;

public sealed class PriorAuthRequestValidationTests
{
    private const string Complete = """
        { "payer": "Example Health Plan", "service": "examplumab-psoriasis", "diagnosisCode": "L40.0",
          "provider": { "name": "Dr. Sample" }, "patientReference": "EXH-1", "documents": ["work/a.pdf"] }
        """;

    [Fact]
    public void Validate_CompleteMessage_ParsesIt()
    {
        // Act
        var (request, reason) = PriorAuthStarter.Validate(Complete);

        // Assert
        Assert.Null(reason);
        Assert.Equal("Example Health Plan", request!.Payer);
        Assert.Equal(["work/a.pdf"], request.Documents);
    }

    [Theory]
    [InlineData("", "EmptyMessage")]
    [InlineData("not json", "MalformedJson")]
    [InlineData("""{ "payer": 12 """, "MalformedJson")]
    [InlineData("""{ "payer": "P" }""", "Incomplete:service,diagnosisCode,patientReference,provider,documents")]
    [InlineData("""
        { "payer": "P", "service": "S", "diagnosisCode": "L40.0", "provider": { "npi": "1234567893" },
          "patientReference": "X", "usePatientIntakeRecords": true }
        """, null)]
    [InlineData("""
        { "payer": "P", "service": "S", "diagnosisCode": "L40.0", "provider": { "npi": "1" },
          "patientReference": "X", "documents": ["no-container"] }
        """, "InvalidDocumentReference")]
    [InlineData("""
        { "payer": "P", "service": "S", "diagnosisCode": "L40.0", "provider": { "npi": "1" },
          "patientReference": "X", "intakeRecords": ["records/../secrets.json"] }
        """, "InvalidDocumentReference")]
    public void Validate_BadOrIncompleteMessage_GivesASpecificReason(string body, string? expected)
    {
        // Act
        var (_, reason) = PriorAuthStarter.Validate(body);

        // Assert
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void CaseIdFor_SameMessageTwice_IsOneCase()
    {
        // Act
        var first = PriorAuthStarter.CaseIdFor(Complete);
        var second = PriorAuthStarter.CaseIdFor(Complete);

        // Assert
        Assert.Equal(first, second);
        Assert.NotEqual(first, PriorAuthStarter.CaseIdFor(Complete + " "));
    }
}
