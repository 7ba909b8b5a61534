using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class RoutingRulesTests
{
    private static readonly string ShippedRoutingFile =
        Path.Combine(AppContext.BaseDirectory, "Understanding", "Config", RoutingRules.DefaultFileName);

    private static ExtractedField Field(string name, string value, bool valid = true, string? problem = null) =>
        new(name, value, 1, $"{name}: {value}", valid, problem);

    private static List<ExtractedField> CompleteReferralFields() =>
    [
        Field(FieldNames.PatientName, "Thea Ashwick"),
        Field(FieldNames.DateOfBirth, "1961-03-04"),
        Field(FieldNames.ProviderName, "Oren Mossdale"),
        Field(FieldNames.ProviderNpi, "1234567893"),
        Field(FieldNames.Icd10Codes, "M54.50"),
    ];

    [Theory]
    [InlineData(DocumentType.Referral, "records-referrals")]
    [InlineData(DocumentType.LabResult, "records-results")]
    [InlineData(DocumentType.ImagingReport, "records-results")]
    [InlineData(DocumentType.PriorAuthorizationForm, "records-authorizations")]
    [InlineData(DocumentType.ClaimOrEob, "records-billing")]
    [InlineData(DocumentType.InsuranceCard, "records-billing")]
    [InlineData(DocumentType.Other, "records-general")]
    public void QueueFor_ShippedRules_MapsTypeToStaffQueue(DocumentType type, string expectedQueue)
    {
        // Arrange
        var rules = RoutingRules.Load(ShippedRoutingFile);

        // Act
        var queue = rules.QueueFor(type);

        // Assert
        Assert.Equal(expectedQueue, queue);
        Assert.Equal(0.6, rules.ReviewConfidenceThreshold);
    }

    [Fact]
    public void Route_ConfidentCompleteReferral_GoesToStaffQueue()
    {
        // Arrange
        var rules = RoutingRules.Load(ShippedRoutingFile);
        var input = new RoutingInput(new Classification(DocumentType.Referral, 0.93, "mlnet-local"), CompleteReferralFields(), [], []);

        // Act
        var decision = rules.Route(input);

        // Assert
        Assert.Equal(new RoutingDecision("records-referrals", false, []), decision with { Reasons = [] });
        Assert.Empty(decision.Reasons);
    }

    public static TheoryData<string, RoutingInput, string[]> ReviewCases()
    {
        var referral = new Classification(DocumentType.Referral, 0.93, "mlnet-local");
        var complete = CompleteReferralFields();
        var withBadNpi = complete.Where(f => f.Name != FieldNames.ProviderNpi)
            .Append(Field(FieldNames.ProviderNpi, "1234567890", false, "NPI check digit does not match")).ToList();
        var withoutDob = complete.Where(f => f.Name != FieldNames.DateOfBirth).ToList();
        var missingCard = new MissingCompanion(DocumentType.Referral, "insurance card", [DocumentType.InsuranceCard]);
        return new TheoryData<string, RoutingInput, string[]>
        {
            {
                "low confidence",
                new RoutingInput(referral with { Confidence = 0.41 }, complete, [], []),
                ["classification confidence 0.41 is below 0.60"]
            },
            {
                "invalid field",
                new RoutingInput(referral, withBadNpi, [], []),
                ["invalid provider_npi on page 1: NPI check digit does not match"]
            },
            {
                "missing required field",
                new RoutingInput(referral, withoutDob, [], []),
                ["missing required field date_of_birth"]
            },
            {
                "patient inconsistency",
                new RoutingInput(referral, complete, ["page 3: patient MRN differs from page 1"], []),
                ["patient inconsistency: page 3: patient MRN differs from page 1"]
            },
            {
                "missing companion document",
                new RoutingInput(referral, complete, [], [missingCard]),
                ["missing companion document: insurance card"]
            },
            {
                "every reason at once",
                new RoutingInput(referral with { Confidence = 0.2 }, withoutDob, ["page 2: patient name differs from page 1"], [missingCard]),
                [
                    "classification confidence 0.20 is below 0.60", "missing required field date_of_birth",
                    "patient inconsistency: page 2: patient name differs from page 1", "missing companion document: insurance card",
                ]
            },
        };
    }

    [Theory]
    [MemberData(nameof(ReviewCases))]
    public void Route_ReviewCondition_GoesToReviewQueueWithReasons(string scenario, RoutingInput input, string[] expectedReasons)
    {
        // Arrange
        var rules = RoutingRules.Load(ShippedRoutingFile);

        // Act
        var decision = rules.Route(input);

        // Assert
        Assert.True(decision.IsReview, scenario);
        Assert.Equal("records-review", decision.Queue);
        Assert.Equal(expectedReasons, decision.Reasons);
    }

    [Fact]
    public void Load_ThresholdOverride_ReplacesFileThreshold()
    {
        // Arrange
        var rules = RoutingRules.Load(ShippedRoutingFile, confidenceThresholdOverride: 0.95);
        var input = new RoutingInput(new Classification(DocumentType.Referral, 0.93, "mlnet-local"), CompleteReferralFields(), [], []);

        // Act
        var decision = rules.Route(input);

        // Assert
        Assert.Equal(["classification confidence 0.93 is below 0.95"], decision.Reasons);
    }

    [Theory]
    [InlineData("records-review", true)]
    [InlineData("abc", true)]
    [InlineData("a1-b2-c3", true)]
    [InlineData("ab", false)]
    [InlineData("Records-Review", false)]
    [InlineData("records--review", false)]
    [InlineData("-records", false)]
    [InlineData("records-", false)]
    [InlineData("records_review", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidQueueName_Names_FollowsAzureQueueNamingRules(string? name, bool expected)
    {
        // Act
        var valid = RoutingRules.IsValidQueueName(name);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Fact]
    public void IsValidQueueName_SixtyFourCharacters_IsRejected()
    {
        // Act and assert
        Assert.True(RoutingRules.IsValidQueueName(new string('a', 63)));
        Assert.False(RoutingRules.IsValidQueueName(new string('a', 64)));
    }

    [Theory]
    [InlineData("""{ "defaultQueue": "records-general", "reviewQueue": "Records_Review" }""")]
    [InlineData("""{ "defaultQueue": "records-general", "reviewQueue": "records-review", "queues": { "Referral": "x" } }""")]
    [InlineData("""{ "defaultQueue": "records-general", "reviewQueue": "records-review", "reviewConfidenceThreshold": 1.5 }""")]
    [InlineData("""{ "defaultQueue": "records-general", "reviewQueue": "records-review", "requiredFields": { "Referral": ["shoe_size"] } }""")]
    [InlineData("""{ "defaultQueue": "records-general" }""")]
    public void Parse_InvalidRules_ThrowsConfigurationException(string json)
    {
        // Act and assert
        Assert.Throws<UnderstandingConfigurationException>(() => RoutingRules.Parse(json));
    }
}
