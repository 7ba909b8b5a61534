using System.Text;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.Tests.BillingReview;

/// <summary>The decisions inside the billing activities and starter that need no storage.</summary>
public sealed class BillingActivityRulesTests
{
    private static readonly PatientReference Patient =
        new("SMP-100200300", true, "18", "ORTIZ", "LENA", new DateOnly(1975, 6, 14));

    [Fact]
    public void Parse_X12FileOfTwoClaims_AcceptsBothInOrder()
    {
        // Arrange
        var file = ClaimSamples.Files().Single(item => item.Name == "knee-and-ecg.837");

        // Act
        var parsed = ParseClaimsActivity.Parse(Encoding.UTF8.GetBytes(file.Content));

        // Assert
        Assert.True(parsed.Accepted);
        Assert.Equal(ParseClaimsActivity.FormatX12, parsed.Format);
        Assert.Equal(["SMPKNEE01", "SMPECG01"], parsed.Claims.Select(claim => claim.ClaimId));
    }

    [Fact]
    public void Parse_ClaimJson_AcceptsItAsJson()
    {
        // Arrange
        var file = ClaimSamples.Files().Single(item => item.Name == "office-visit.json");

        // Act
        var parsed = ParseClaimsActivity.Parse(Encoding.UTF8.GetBytes("\uFEFF" + file.Content));

        // Assert
        Assert.True(parsed.Accepted);
        Assert.Equal(ParseClaimsActivity.FormatJson, parsed.Format);
        Assert.Single(parsed.Claims);
    }

    [Fact]
    public void Parse_MangledClaimAmount_IsMalformedWithThePositionAndNoContent()
    {
        // Arrange
        var file = ClaimSamples.Files().Single(item => item.Name == "truncated.837");

        // Act
        var parsed = ParseClaimsActivity.Parse(Encoding.UTF8.GetBytes(file.Content));

        // Assert
        Assert.False(parsed.Accepted);
        Assert.Equal(BillingReasons.MalformedClaimFile, parsed.Reason);
        Assert.Contains("(CLM)", parsed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("ORTIZ", parsed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("9S.OO", parsed.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0], "the file is empty")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0xD8 }, "the file is not UTF-8 or ASCII text")]
    public void Parse_EmptyOrBinaryFile_IsMalformedWithAReason(byte[] bytes, string detail)
    {
        // Act
        var parsed = ParseClaimsActivity.Parse(bytes);

        // Assert
        Assert.False(parsed.Accepted);
        Assert.Equal(detail, parsed.Detail);
    }

    [Fact]
    public void Parse_JsonWithoutClaimId_IsMalformedNamingJson()
    {
        // Act
        var parsed = ParseClaimsActivity.Parse(Encoding.UTF8.GetBytes("{\"kind\":\"Professional\"}"));

        // Assert
        Assert.False(parsed.Accepted);
        Assert.Equal(ParseClaimsActivity.FormatJson, parsed.Format);
        Assert.Equal(BillingReasons.MalformedClaimFile, parsed.Reason);
    }

    [Theory]
    [InlineData("", MessageRejections.Empty)]
    [InlineData("   ", MessageRejections.Empty)]
    [InlineData("hello, please bill this", MessageRejections.NotAClaim)]
    [InlineData("<claim/>", MessageRejections.NotAClaim)]
    [InlineData("ISA*00*", null)]
    [InlineData(" {\"claimId\":1}", null)]
    public void RejectionFor_MessageBodies_RejectsOnlyWhatCannotBeAClaim(string body, string? expected)
    {
        // Act
        var rejection = BillingReviewStarter.RejectionFor(body, 1024);

        // Assert
        Assert.Equal(expected, rejection);
    }

    [Fact]
    public void RejectionFor_MessageOverTheLimit_IsTooLarge()
    {
        // Act
        var rejection = BillingReviewStarter.RejectionFor("ISA" + new string('*', 2000), 1024);

        // Assert
        Assert.Equal(MessageRejections.TooLarge, rejection);
    }

    [Fact]
    public void FileIdFor_SameNameDifferentContent_GivesDifferentInstances()
    {
        // Act
        var first = BillingReviewStarter.FileIdFor("inbox-claims", "a.837", new string('a', 64));
        var second = BillingReviewStarter.FileIdFor("inbox-claims", "a.837", new string('b', 64));

        // Assert
        Assert.NotEqual(first, second);
        Assert.Equal(first, BillingReviewStarter.FileIdFor("inbox-claims", "a.837", new string('a', 64)));
        Assert.StartsWith("billing-", BillingReviewStarter.InstanceIdFor(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_NoteOfTheSameMemberAndDay_Matches()
    {
        // Arrange
        var record = Note(("member_id", "smp100200300"), ("date_of_service", "2024-03-01"));

        // Act / Assert
        Assert.True(RecordsNoteSource.Matches(record, Patient, new DateOnly(2024, 3, 1)));
        Assert.False(RecordsNoteSource.Matches(record, Patient, new DateOnly(2024, 3, 2)));
    }

    [Fact]
    public void Matches_NoMemberIdButSameBirthDateAndLastName_Matches()
    {
        // Arrange
        var record = Note(("patient_name", "Lena Ortiz"), ("date_of_birth", "1975-06-14"),
            ("date_of_service", "2024-03-01"));

        // Act / Assert
        Assert.True(RecordsNoteSource.Matches(record, Patient, new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Matches_SameBirthDateButAnotherLastName_DoesNotMatch()
    {
        // Arrange
        var record = Note(("patient_name", "Lena Ortizano"), ("date_of_birth", "1975-06-14"),
            ("date_of_service", "2024-03-01"));

        // Act / Assert
        Assert.False(RecordsNoteSource.Matches(record, Patient, new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void Matches_LabResultOfTheSameVisit_IsNotANote()
    {
        // Arrange
        var record = Note(("member_id", "SMP100200300"), ("date_of_service", "2024-03-01")) with
        {
            Type = DocumentType.LabResult,
        };

        // Act / Assert
        Assert.False(RecordsNoteSource.Matches(record, Patient, new DateOnly(2024, 3, 1)));
    }

    [Fact]
    public void NoteText_Record_IsTheSummaryThenEachEvidenceLineOnce()
    {
        // Arrange
        var record = Note(("member_id", "SMP100200300"), ("date_of_service", "2024-03-01"));

        // Act
        var text = RecordsNoteSource.NoteText(record);

        // Assert
        Assert.Equal("Procedure: joint injection of the left knee.\nevidence line", text);
    }

    [Fact]
    public void Build_FindingsOfBothSteps_AreOrderedMostSevereFirstAndJudgedAgainstTheThreshold()
    {
        // Arrange
        var claim = X12ClaimParser.Parse(ClaimSamples.Files()[0].Content).Claims[0];
        BillingFinding[] findings =
        [
            new(BillingRules.DocumentationSupports, FindingSeverity.Info, claim.ClaimId, 1, "note", "None."),
            new(BillingRules.MueExceeded, FindingSeverity.Error, claim.ClaimId, 2, "units", "Fix units."),
            new(BillingRules.DocumentationEmElements, FindingSeverity.Warning, claim.ClaimId, 1, "no mdm", "Ask."),
        ];

        // Act
        var atWarning = WriteFindingsReportActivity.Build(claim, findings, FindingSeverity.Warning);
        var infoOnly = WriteFindingsReportActivity.Build(claim, [findings[0]], FindingSeverity.Warning);

        // Assert
        Assert.Equal([FindingSeverity.Error, FindingSeverity.Warning, FindingSeverity.Info],
            atWarning.Claims[0].Findings.Select(finding => finding.Severity));
        Assert.True(atWarning.Claims[0].NeedsStaffReview);
        Assert.False(infoOnly.Claims[0].NeedsStaffReview);
        Assert.Contains("MUE-UNITS (line 2)", atWarning.ToPlainText(), StringComparison.Ordinal);
    }

    private static IntakeRecord Note(params (string Name, string Value)[] fields) => new(
        "doc-1-01", "doc-1", new RecordSource("inbox-scan", "n.pdf", new string('a', 64)), 1, 1,
        DocumentType.ClinicalNote, 0.9, "test", "test",
        [.. fields.Select(field => new ExtractedField(field.Name, field.Value, 1, "evidence line", true, null))],
        "Procedure: joint injection of the left knee.", [], "records-notes", false, [], DateTimeOffset.UnixEpoch);
}
