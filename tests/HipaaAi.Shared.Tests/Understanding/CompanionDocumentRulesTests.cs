using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class CompanionDocumentRulesTests
{
    private const string Json = """
        {
          "requirements": [
            { "documentType": "PriorAuthorizationForm", "name": "clinical note", "acceptedTypes": ["ClinicalNote", "DischargeSummary"] },
            { "documentType": "Referral", "name": "insurance card", "acceptedTypes": ["InsuranceCard"] }
          ]
        }
        """;

    public static TheoryData<DocumentType[], string[]> Cases() => new()
    {
        { [DocumentType.PriorAuthorizationForm], ["clinical note"] },
        { [DocumentType.PriorAuthorizationForm, DocumentType.ClinicalNote], [] },
        { [DocumentType.PriorAuthorizationForm, DocumentType.DischargeSummary], [] },
        { [DocumentType.FaxCoverSheet, DocumentType.Referral, DocumentType.LabResult], ["insurance card"] },
        { [DocumentType.Referral, DocumentType.PriorAuthorizationForm], ["clinical note", "insurance card"] },
        { [DocumentType.Referral, DocumentType.InsuranceCard], [] },
        { [DocumentType.LabResult], [] },
        { [], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindMissing_PacketTypes_ListsUnmetRequirements(DocumentType[] packet, string[] expectedMissing)
    {
        // Arrange
        var rules = CompanionDocumentRules.Parse(Json);

        // Act
        var missing = rules.FindMissing(packet);

        // Assert
        Assert.Equal(expectedMissing, missing.Select(m => m.Requirement));
    }

    [Fact]
    public void Load_ShippedConfigFile_RequiresClinicalNoteForPriorAuthorization()
    {
        // Arrange
        var path = Path.Combine(AppContext.BaseDirectory, "Understanding", "Config", CompanionDocumentRules.DefaultFileName);

        // Act
        var rules = CompanionDocumentRules.Load(path);

        // Assert
        var missing = Assert.Single(rules.FindMissing([DocumentType.PriorAuthorizationForm]));
        Assert.Equal(DocumentType.PriorAuthorizationForm, missing.ForType);
        Assert.Contains(DocumentType.ClinicalNote, missing.AcceptedTypes);
    }

    [Theory]
    [InlineData("""{ "requirements": [ { "documentType": "Referral", "name": "card", "acceptedTypes": [] } ] }""")]
    [InlineData("""{ "requirements": [ { "documentType": "NotAType", "name": "card", "acceptedTypes": ["InsuranceCard"] } ] }""")]
    [InlineData("""{ "requirements": [ """)]
    public void Parse_InvalidRules_ThrowsConfigurationException(string json)
    {
        // Act and assert
        Assert.Throws<UnderstandingConfigurationException>(() => CompanionDocumentRules.Parse(json));
    }

    [Fact]
    public void Load_MissingFile_ThrowsConfigurationException()
    {
        // Act and assert
        Assert.Throws<UnderstandingConfigurationException>(
            () => CompanionDocumentRules.Load(Path.Combine(Path.GetTempPath(), "no-such-companion-rules.json")));
    }
}
