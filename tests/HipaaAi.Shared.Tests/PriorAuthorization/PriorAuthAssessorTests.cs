using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.PriorAuthorization;

public sealed class PriorAuthAssessorTests
{
    private static readonly PayerCriteria Criteria = SyntheticPriorAuthCase.Criteria();

    [Fact]
    public void Assess_CompleteConsistentCase_IsReadyWithNoExceptions()
    {
        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria,
            SyntheticPriorAuthCase.CompleteCase());

        // Assert
        Assert.True(assessment.IsReady);
        Assert.Equal("criteria met", assessment.Readiness);
        Assert.Equal(5, assessment.CriteriaMet);
        Assert.Empty(assessment.Exceptions);
    }

    [Fact]
    public void Assess_NoCriteriaForThePayer_IsNotReadyAndSaysSo()
    {
        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), null,
            SyntheticPriorAuthCase.CompleteCase());

        // Assert
        Assert.False(assessment.IsReady);
        Assert.Empty(assessment.Evidence);
        Assert.Equal(PacketExceptionCodes.NoCriteriaConfigured, assessment.Exceptions[0].Code);
    }

    [Fact]
    public void Assess_LabMissing_ReportsTheMissingDocumentAndTheCriterionWithoutEvidence()
    {
        // Arrange
        var documents = SyntheticPriorAuthCase.CompleteCase().Where(document => document.Type != DocumentType.LabResult)
            .ToList();

        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria, documents);

        // Assert
        Assert.Contains(new PacketIssue(PacketExceptionCodes.MissingDocument, nameof(DocumentType.LabResult)),
            assessment.Exceptions);
        Assert.Contains(new PacketIssue(PacketExceptionCodes.CriterionWithoutEvidence, "liver-enzymes"),
            assessment.Exceptions);
        Assert.Equal("exceptions", assessment.Readiness);
    }

    [Fact]
    public void Assess_OldLab_ReportsExpiredEvidence()
    {
        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria,
            SyntheticPriorAuthCase.CompleteCase(labDate: new DateOnly(2025, 6, 1)));

        // Assert
        Assert.Equal([new PacketIssue(PacketExceptionCodes.EvidenceExpired, "liver-enzymes")], assessment.Exceptions);
    }

    [Fact]
    public void Assess_NoteForAnotherPatient_ReportsAnIdentityMismatchNamingPagesOnly()
    {
        // Arrange
        var documents = SyntheticPriorAuthCase.CompleteCase().ToList();
        documents[1] = SyntheticPriorAuthCase.Document("note", DocumentType.ClinicalNote,
            SyntheticPriorAuthCase.NoteText("Casey Other", "09/09/1975"), new DateOnly(2026, 2, 20),
            new DateOnly(1980, 4, 12));

        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria, documents);

        // Assert
        var mismatches = assessment.Exceptions.Where(issue => issue.Code == PacketExceptionCodes.IdentityMismatch).ToList();
        Assert.NotEmpty(mismatches);
        Assert.All(mismatches, issue => Assert.DoesNotContain("Casey", issue.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("L40.0", "J9999", PacketExceptionCodes.ServiceCodeMismatch)]
    [InlineData("M06.9", "J3590", PacketExceptionCodes.DiagnosisCodeMismatch)]
    public void Assess_RequestCodeTheCriteriaDoNotCover_ReportsTheMismatch(string diagnosis, string service, string code)
    {
        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(diagnosis, service), Criteria,
            SyntheticPriorAuthCase.CompleteCase());

        // Assert
        Assert.Contains(assessment.Exceptions, issue => issue.Code == code && issue.Detail == "request");
    }

    [Fact]
    public void Assess_DocumentsCodeAnotherDiagnosis_ReportsTheMismatchAgainstTheDocuments()
    {
        // Arrange
        var documents = SyntheticPriorAuthCase.CompleteCase().ToList();
        var note = documents[1];
        documents[1] = note with
        {
            Fields = [.. note.Fields, new ExtractedField(FieldNames.Icd10Codes, "M06.9", 1, "ICD-10 M06.9", true, null)],
        };

        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria, documents);

        // Assert
        Assert.Contains(new PacketIssue(PacketExceptionCodes.DiagnosisCodeMismatch, "documents"), assessment.Exceptions);
    }

    [Fact]
    public void Assess_RequestedDrugNamedNowhere_ReportsServiceNotInDocuments()
    {
        // Arrange
        var documents = SyntheticPriorAuthCase.CompleteCase()
            .Select(document => document with
            {
                Pages = [.. document.Pages.Select(page => page with
                {
                    Text = page.Text.Replace("xamplumab", "nother drug", StringComparison.OrdinalIgnoreCase),
                })],
            })
            .ToList();

        // Act
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), Criteria, documents);

        // Assert
        Assert.Contains(assessment.Exceptions, issue => issue.Code == PacketExceptionCodes.ServiceNotInDocuments);
    }
}
