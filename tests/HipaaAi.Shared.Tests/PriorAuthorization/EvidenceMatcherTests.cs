using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.PriorAuthorization;

public sealed class EvidenceMatcherTests
{
    private static readonly PayerCriteria Criteria = SyntheticPriorAuthCase.Criteria();

    private static Criterion Named(string id) => Criteria.Criteria.Single(criterion => criterion.Id == id);

    [Fact]
    public void Match_CompleteCase_MeetsEveryCriterionAndCitesDocumentAndPage()
    {
        // Arrange
        var documents = SyntheticPriorAuthCase.CompleteCase();

        // Act
        var evidence = EvidenceMatcher.Match(Criteria, documents, SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.All(evidence, item => Assert.Equal(CriterionStatus.Met, item.Status));
        var diagnosis = evidence.Single(item => item.CriterionId == "psoriasis-diagnosis");
        var citation = Assert.Single(diagnosis.Citations);
        Assert.Equal("note", citation.DocumentId);
        Assert.Equal(1, citation.Page);
        Assert.Contains("plaque psoriasis", citation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DiagnosisOnlySuspected_IsNotFound()
    {
        // Arrange
        var note = SyntheticPriorAuthCase.Document("note", DocumentType.ClinicalNote,
            "Assessment: rash, rule out plaque psoriasis at the next visit.");

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("psoriasis-diagnosis"), [note], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(CriterionStatus.NotFound, evidence.Status);
        Assert.Empty(evidence.Citations);
    }

    [Fact]
    public void Evaluate_HedgeWrappedOntoTheNextLine_StillCountsAsHedged()
    {
        // Arrange
        var note = SyntheticPriorAuthCase.Document("note", DocumentType.ClinicalNote,
            "Presentation is possible\nplaque psoriasis versus eczema.");

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("psoriasis-diagnosis"), [note], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(CriterionStatus.NotFound, evidence.Status);
    }

    [Fact]
    public void Evaluate_DiagnosisOnlyOnTheForm_IsNotFoundBecauseTheCriterionNeedsAClinicalNote()
    {
        // Arrange
        var form = SyntheticPriorAuthCase.Document("form", DocumentType.PriorAuthorizationForm,
            SyntheticPriorAuthCase.FormText());

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("psoriasis-diagnosis"), [form], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(CriterionStatus.NotFound, evidence.Status);
    }

    [Fact]
    public void Evaluate_OnlyOnePriorTherapy_StepTherapyIsNotFound()
    {
        // Arrange
        var note = SyntheticPriorAuthCase.Document("note", DocumentType.ClinicalNote,
            "Tried clobetasol ointment for 12 weeks without response.");

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("step-therapy"), [note], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(CriterionStatus.NotFound, evidence.Status);
    }

    [Theory]
    [InlineData("32", CriterionStatus.Met)]
    [InlineData("40", CriterionStatus.Met)]
    [InlineData("41", CriterionStatus.NotFound)]
    [InlineData("120", CriterionStatus.NotFound)]
    public void Evaluate_LabValue_MetOnlyInsideTheConfiguredRange(string alt, CriterionStatus expected)
    {
        // Arrange
        var lab = SyntheticPriorAuthCase.Document("lab", DocumentType.LabResult, SyntheticPriorAuthCase.LabText(alt),
            new DateOnly(2026, 2, 18));

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("liver-enzymes"), [lab], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(expected, evidence.Status);
    }

    [Theory]
    [InlineData(1980, CriterionStatus.Met)]
    [InlineData(2008, CriterionStatus.Met)]
    [InlineData(2009, CriterionStatus.NotFound)]
    public void Evaluate_Age_CountsFromTheExtractedDateOfBirthToTheRequestDate(int birthYear, CriterionStatus expected)
    {
        // Arrange: the request date is 2026-03-02, so someone born 2008-03-01 has just turned 18.
        var note = SyntheticPriorAuthCase.Document("note", DocumentType.ClinicalNote, "note",
            birth: new DateOnly(birthYear, 3, 1));

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("adult"), [note], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(expected, evidence.Status);
    }

    [Fact]
    public void Evaluate_LabOlderThanAllowed_IsMetButMarkedExpired()
    {
        // Arrange
        var lab = SyntheticPriorAuthCase.Document("lab", DocumentType.LabResult, SyntheticPriorAuthCase.LabText(),
            new DateOnly(2025, 10, 1));

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("liver-enzymes"), [lab], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(CriterionStatus.Met, evidence.Status);
        Assert.Equal(PacketExceptionCodes.EvidenceExpired, evidence.EvidenceProblem);
    }

    [Fact]
    public void Evaluate_LabWithoutADate_IsMetButMarkedUndated()
    {
        // Arrange
        var lab = SyntheticPriorAuthCase.Document("lab", DocumentType.LabResult, SyntheticPriorAuthCase.LabText());

        // Act
        var evidence = EvidenceMatcher.Evaluate(Named("liver-enzymes"), [lab], SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Equal(PacketExceptionCodes.EvidenceUndated, evidence.EvidenceProblem);
    }
}
