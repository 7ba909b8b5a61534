using HipaaAi.Shared.Billing;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class X12ClaimParserTests
{
    [Theory]
    [InlineData('*', ':', '~', "")]
    [InlineData('*', ':', '~', "\r\n")]
    [InlineData('|', '>', '~', "\n")]
    [InlineData('!', '<', '\'', "\r\n")]
    [InlineData('*', ':', '\n', "")]
    public void Parse_DelimiterVariants_ReadsTheSameClaim(char element, char component, char terminator,
        string lineBreak)
    {
        // Arrange
        var text = new X12Writer(element, component, terminator, lineBreak)
            .Transaction(X12Writer.Professional, BillingTestKit.ProfessionalBody()).Build();

        // Act
        var result = X12ClaimParser.Parse(text);

        // Assert
        var claim = Assert.Single(result.Claims);
        Assert.Equal("CLAIM1", claim.ClaimId);
        Assert.Equal(250.00m, claim.TotalCharge);
        Assert.Equal("11", claim.FacilityCode);
        Assert.Equal("1", claim.FrequencyCode);
        Assert.Equal("AUTH1", claim.PriorAuthorization);
        Assert.Equal("1234567893", claim.BillingProviderNpi);
        Assert.Equal("COMMERCIAL-SAMPLE", claim.PayerId);
        Assert.Equal("MEMBER123", claim.SubscriberMemberId);
        Assert.Equal(["M1711", "Z7901"], claim.Diagnoses.Select(d => d.Code));
        Assert.Equal(2, claim.Lines.Count);
        Assert.Equal("99213", claim.Lines[0].ProcedureCode);
        Assert.Equal(["25"], claim.Lines[0].Modifiers);
        Assert.Equal([1, 2], claim.Lines[0].DiagnosisPointers);
        Assert.Equal(["RT"], claim.Lines[1].Modifiers);
        Assert.Equal(new DateOnly(2024, 3, 1), claim.Lines[1].ServiceDate);
    }

    [Fact]
    public void Parse_SeveralTransactionsAndClaims_ReadsEveryClaimInOrder()
    {
        // Arrange
        var second = BillingTestKit.ProfessionalBody("CLAIM2").ToList();
        second.AddRange(["HL*3*1*22*1", "SBR*P*18*******CI", "NM1*IL*1*DOE*JOHN****MI*MEMBER789",
            "NM1*PR*2*PAYER TWO*****PI*PAYER2", "HL*4*3*23*0", "PAT*19", "NM1*QC*1*DOE*JUNIOR",
            "DMG*D8*20150101*M", "CLM*CLAIM3*40.00***11:B:1*Y*A*Y*Y", "HI*ABK:J069",
            "LX*1", "SV1*HC:99212*40.00*UN*1***1", "DTP*472*D8*20240302"]);
        var text = new X12Writer()
            .Transaction(X12Writer.Professional, BillingTestKit.ProfessionalBody())
            .Transaction(X12Writer.Professional, [.. second]).Build();

        // Act
        var result = X12ClaimParser.Parse(text);

        // Assert
        Assert.Equal(2, result.TransactionCount);
        Assert.Equal(["CLAIM1", "CLAIM2", "CLAIM3"], result.Claims.Select(c => c.ClaimId));
        var dependent = result.Claims[2];
        Assert.Equal("PAYER2", dependent.PayerId);
        Assert.Equal("MEMBER789", dependent.Patient!.MemberId);
        Assert.False(dependent.Patient.IsSubscriber);
        Assert.Equal("19", dependent.Patient.RelationshipCode);
        Assert.Equal("JUNIOR", dependent.Patient.FirstName);
        Assert.Equal(new DateOnly(2015, 1, 1), dependent.Patient.BirthDate);
        Assert.Equal("ST 0002, CLM at segment 48", dependent.Source);
    }

    [Fact]
    public void Parse_Institutional_ReadsRevenueCodesStatementDateAndPresentOnAdmission()
    {
        // Arrange
        var text = new X12Writer().Transaction(X12Writer.Institutional, BillingTestKit.InstitutionalBody()).Build();

        // Act
        var claim = Assert.Single(X12ClaimParser.Parse(text).Claims);

        // Assert
        Assert.Equal(ClaimKind.Institutional, claim.Kind);
        Assert.Equal("13", claim.FacilityCode);
        Assert.Equal(new DateOnly(2024, 3, 1), claim.ServiceDate);
        Assert.Equal("1122334455", claim.AttendingProviderNpi);
        Assert.Equal(["I10", "E119"], claim.Diagnoses.Select(d => d.Code));
        Assert.Equal("Y", claim.Diagnoses[0].PresentOnAdmission);
        Assert.Equal(["0305", "0730"], claim.Lines.Select(l => l.RevenueCode));
        Assert.Equal(3m, claim.Lines[1].Units);
        Assert.Equal(new DateOnly(2024, 3, 1), claim.Lines[1].ServiceDate);
    }

    [Fact]
    public void Parse_OtherSubscriberLoop_KeepsThePrimarySubscriberAndPayer()
    {
        // Arrange
        var body = BillingTestKit.ProfessionalBody(lines:
        [
            "SBR*S*01*******CI", "NM1*IL*1*DOE*OTHER****MI*OTHERMEMBER", "NM1*PR*2*SECOND PAYER*****PI*SECOND",
            "LX*1", "SV1*HC:99213*100.00*UN*1***1", "DTP*472*D8*20240301",
        ]);
        var text = new X12Writer().Transaction(X12Writer.Professional, body).Build();

        // Act
        var claim = Assert.Single(X12ClaimParser.Parse(text).Claims);

        // Assert
        Assert.Equal("MEMBER123", claim.SubscriberMemberId);
        Assert.Equal("COMMERCIAL-SAMPLE", claim.PayerId);
    }

    [Theory]
    [InlineData("se-count", 17, "SE", 1, "declares 99 segments but 15 were found")]
    [InlineData("se-control", 17, "SE", 2, "SE02 does not match ST02")]
    [InlineData("ge-count", 18, "GE", 1, "declares 3 transaction sets but 1 were found")]
    [InlineData("iea-control", 19, "IEA", 2, "IEA02 does not match ISA13")]
    [InlineData("no-iea", 18, null, null, "ends without an IEA")]
    public void Parse_EnvelopeError_ThrowsWithSegmentPosition(string defect, int segmentIndex, string? segmentId,
        int? element, string problem)
    {
        // Arrange
        var writer = new X12Writer().Transaction(X12Writer.Professional, BillingTestKit.ProfessionalBody(lines:
            ["LX*1", "SV1*HC:99213*100.00*UN*1***1"]));
        _ = defect switch
        {
            "se-count" => writer.SeCountOverride = "99",
            "se-control" => writer.SeControlOverride = "9999",
            "ge-count" => writer.GeCountOverride = "3",
            "iea-control" => writer.IeaControlOverride = "000000002",
            _ => (writer.OmitIea = true).ToString(),
        };

        // Act
        var error = Assert.Throws<X12ParseException>(() => X12ClaimParser.Parse(writer.Build()));

        // Assert
        Assert.Equal(segmentIndex, error.SegmentIndex);
        Assert.Equal(segmentId, error.SegmentId);
        Assert.Equal(element, error.Element);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CLM*CLAIM1*ABC***11:B:1*Y*A*Y*Y", "CLM", 2, "is not a decimal number")]
    [InlineData("HL*2*7*22*0", "HL", 2, "parent id")]
    [InlineData("SV1*HC>99213*100.00*UN*1***1", "SV1", 1, "component separator")]
    [InlineData("SV1*HC:99213*100.00*UN*1***A", "SV1", 7, "diagnosis pointer is not a number")]
    [InlineData("DTP*472*D8*20241345", "DTP", 3, "is not a CCYYMMDD date")]
    public void Parse_MalformedElement_NamesPositionButNoContent(string replacement, string segmentId, int element,
        string problem)
    {
        // Arrange
        var body = BillingTestKit.ProfessionalBody().ToList();
        var index = body.FindIndex(s => s.StartsWith(replacement[..3], StringComparison.Ordinal)
            && (segmentId != "HL" || s.StartsWith("HL*2", StringComparison.Ordinal)));
        body[index] = replacement;
        var text = new X12Writer().Transaction(X12Writer.Professional, [.. body]).Build();

        // Act
        var error = Assert.Throws<X12ParseException>(() => X12ClaimParser.Parse(text));

        // Assert
        Assert.Equal(segmentId, error.SegmentId);
        Assert.Equal(element, error.Element);
        Assert.Equal(index + 4, error.SegmentIndex);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"element {segmentId}{element:00}", error.Message, StringComparison.Ordinal);
        foreach (var phi in new[] { "DOE", "JANE", "MEMBER123", "ABC", "20241345" })
        {
            Assert.DoesNotContain(phi, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_SegmentOfTheOtherGuide_Throws()
    {
        // Arrange
        var text = new X12Writer().Transaction(X12Writer.Institutional, BillingTestKit.ProfessionalBody()).Build();

        // Act
        var error = Assert.Throws<X12ParseException>(() => X12ClaimParser.Parse(text));

        // Assert
        Assert.Equal("SV1", error.SegmentId);
        Assert.Contains("837I", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GS*HC*X~")]
    [InlineData("ISA*00*short~")]
    public void Parse_NotAnInterchange_Throws(string text)
    {
        // Act
        var error = Assert.Throws<X12ParseException>(() => X12ClaimParser.Parse(text));

        // Assert
        Assert.NotEmpty(error.Problem);
    }
}
