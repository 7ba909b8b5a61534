using HipaaAi.Shared.Billing;
using Moq;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class DocumentationCheckTests
{
    private const string KneeNote =
        "Chief complaint: knee pain for 3 weeks. History of osteoarthritis. Exam: right knee effusion, tender medial " +
        "joint line. Assessment and plan: primary osteoarthritis of the right knee; arthrocentesis of the right knee " +
        "performed with aspiration of 20 mL and triamcinolone injected.";

    [Theory]
    [InlineData("20610", "RT", BillingRules.DocumentationSupports, FindingSeverity.Info, "arthrocentesis")]
    [InlineData("20610", "LT", BillingRules.DocumentationLaterality, FindingSeverity.Error, "right knee")]
    [InlineData("29881", "RT", BillingRules.DocumentationProcedureMissing, FindingSeverity.Warning, "meniscectomy")]
    [InlineData("99213", "25", BillingRules.DocumentationEmElements, FindingSeverity.Info, "Chief complaint")]
    public async Task CheckAsync_NoteFound_CitesThePassage(string code, string modifier, string rule,
        FindingSeverity severity, string quoted)
    {
        // Arrange
        var check = new DocumentationCheck(NoteSource(new ClinicalNote("NOTE-1", KneeNote)).Object,
            DocumentationCheck.DefaultKeywords());

        // Act
        var (findings, visits, found) = await check.CheckAsync(Claim(Line(1, code, modifier)), CancellationToken.None);

        // Assert
        Assert.Equal((1, 1), (visits, found));
        var finding = Assert.Single(findings, f => f.Rule == rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(quoted, finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("NOTE-1", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_EmNoteWithoutExam_NamesTheMissingElement()
    {
        // Arrange
        var note = new ClinicalNote("NOTE-2", "Chief complaint: cough. Assessment: viral bronchitis, supportive care.");
        var check = new DocumentationCheck(NoteSource(note).Object, DocumentationCheck.DefaultKeywords());

        // Act
        var (findings, _, _) = await check.CheckAsync(Claim(Line(1, "99213")), CancellationToken.None);

        // Assert
        var finding = Assert.Single(findings);
        Assert.Equal(BillingRules.DocumentationEmElements, finding.Rule);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("no exam wording", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NoNote_ReportsTheGapWithoutAddingCodes()
    {
        // Arrange
        var check = new DocumentationCheck(NoteSource(null).Object, DocumentationCheck.DefaultKeywords());

        // Act
        var (findings, visits, found) = await check.CheckAsync(Claim(Line(1, "20610", "RT"), Line(2, "99213", "25")),
            CancellationToken.None);

        // Assert
        Assert.Equal((1, 0), (visits, found));
        var finding = Assert.Single(findings);
        Assert.Equal(BillingRules.DocumentationNotFound, finding.Rule);
        Assert.Contains("lines 1, 2", finding.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("MEMBER123", finding.Evidence, StringComparison.Ordinal);
    }

    private static Mock<IClinicalNoteSource> NoteSource(ClinicalNote? note)
    {
        var source = new Mock<IClinicalNoteSource>(MockBehavior.Strict);
        source.Setup(s => s.FindNoteAsync(It.Is<PatientReference>(p => p.MemberId == "MEMBER123"), Visit,
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(note);
        return source;
    }
}
