using HipaaAi.Shared.Billing;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class ClaimSamplesTests
{
    [Fact]
    public void Files_EveryFileButTheTruncatedOne_ParsesIntoClaims()
    {
        // Arrange
        var files = ClaimSamples.Files().Where(file => file.Name != "truncated.837");

        // Act
        var counts = files.ToDictionary(file => file.Name, file => file.Name.EndsWith(".json", StringComparison.Ordinal)
            ? ClaimJson.Deserialize(file.Content).Count
            : X12ClaimParser.Parse(file.Content).Claims.Count);

        // Assert
        Assert.Equal(1, counts["office-visit-clean.837"]);
        Assert.Equal(2, counts["knee-and-ecg.837"]);
        Assert.Equal(1, counts["hospital-stay.837i"]);
        Assert.Equal(1, counts["office-visit.json"]);
    }

    [Fact]
    public void Files_TruncatedFile_IsRejectedAtTheClaimSegment()
    {
        // Arrange
        var file = ClaimSamples.Files().Single(item => item.Name == "truncated.837");

        // Act
        var failure = Assert.Throws<X12ParseException>(() => X12ClaimParser.Parse(file.Content));

        // Assert
        Assert.Equal("CLM", failure.SegmentId);
        Assert.DoesNotContain("SMPBAD01", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_ReviewedWithTheirNotes_CleanFilesHaveNoFindingAtWarningOrAbove()
    {
        // Arrange
        var review = BillingReview.Create(notes: new SampleNotes(), time: BillingTestKit.Clock);

        // Act
        var clean = await review.ReviewX12Async(ClaimSamples.Files()[0].Content, default);
        var json = await review.ReviewJsonAsync(ClaimSamples.Files()[3].Content, default);
        var flawed = await review.ReviewX12Async(ClaimSamples.Files()[1].Content, default);

        // Assert
        Assert.Equal(0, clean.ClaimsNeedingReview);
        Assert.Equal(0, json.ClaimsNeedingReview);
        Assert.Equal(2, flawed.ClaimsNeedingReview);
        Assert.Contains(flawed.Findings, finding => finding.Rule == BillingRules.Modifier25Missing);
        Assert.Contains(flawed.Findings, finding => finding.Rule == BillingRules.DocumentationLaterality);
        Assert.Contains(flawed.Findings, finding => finding.Rule == BillingRules.PtpNotBypassable);
    }

    [Fact]
    public void ManyClaims_GivenACount_WritesOneInterchangeWithThatManyClaims()
    {
        // Act
        var parsed = X12ClaimParser.Parse(ClaimSamples.ManyClaims(120));

        // Assert
        Assert.Equal(120, parsed.Claims.Count);
    }

    private sealed class SampleNotes : IClinicalNoteSource
    {
        public Task<ClinicalNote?> FindNoteAsync(PatientReference patient, DateOnly dateOfService,
            CancellationToken cancellationToken) =>
            Task.FromResult(ClaimSamples.Notes()
                .Where(note => note.Patient.MemberId == patient.MemberId && note.DateOfService == dateOfService)
                .Select(note => new ClinicalNote("note-1", note.Text))
                .FirstOrDefault());
    }
}
