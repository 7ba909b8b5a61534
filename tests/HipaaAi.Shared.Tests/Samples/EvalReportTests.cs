using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class EvalReportTests
{
    private static readonly Dictionary<int, int> NoTurns = [];

    // Four labeled files, five labeled documents:
    //   a.tif  LabResult(name, icd10) + ClinicalNote(name)   -> LabResult ok (values reordered, spaced, cased),
    //                                                            Referral (wrong type, name right), plus an extra doc
    //   b.pdf  ImagingReport                                 -> ImagingReport ok
    //   c.pdf  quarantined Encrypted                         -> quarantined Encrypted
    //   d.pdf  LabResult(name)                               -> no prediction at all
    //   e.pdf  quarantined Corrupt                           -> quarantined Unsupported (wrong verdict)
    private static readonly IReadOnlyList<LabeledFile> Labels =
    [
        File("a.tif", ExpectedOutcome.Completed, PreflightVerdict.Accepted,
            Doc(DocumentType.LabResult,
                (FieldNames.PatientName, ["Ann Lee"]), (FieldNames.Icd10Codes, ["E11.9", "I10"])),
            Doc(DocumentType.ClinicalNote, (FieldNames.PatientName, ["Bo Ray"]))),
        File("b.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted, Doc(DocumentType.ImagingReport)),
        File("c.pdf", ExpectedOutcome.Quarantined, PreflightVerdict.Encrypted),
        File("d.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted,
            Doc(DocumentType.LabResult, (FieldNames.PatientName, ["Cy Dee"]))),
        File("e.pdf", ExpectedOutcome.Quarantined, PreflightVerdict.Corrupt),
    ];

    private static readonly IReadOnlyList<FilePrediction> Predictions =
    [
        new("a.tif", ExpectedOutcome.Completed, PreflightVerdict.Accepted,
        [
            Predicted(DocumentType.LabResult, (FieldNames.PatientName, [" ann  LEE "]),
                (FieldNames.Icd10Codes, ["I10", "E11.9"])),
            Predicted(DocumentType.Referral, (FieldNames.PatientName, ["Bo Ray"])),
            Predicted(DocumentType.Other),
        ]),
        new("b.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted, [Predicted(DocumentType.ImagingReport)]),
        new("c.pdf", ExpectedOutcome.Quarantined, PreflightVerdict.Encrypted, []),
        new("e.pdf", ExpectedOutcome.Quarantined, PreflightVerdict.Unsupported, []),
        new("unlabeled.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted, [Predicted(DocumentType.Other)]),
    ];

    [Fact]
    public void Compute_HandMadeTable_CountsDocumentsAndOutcomes()
    {
        // Act
        var report = EvalReport.Compute(Labels, Predictions);

        // Assert
        Assert.Equal(5, report.Files);
        Assert.Equal(3, report.OutcomeMatches);
        Assert.Equal(0.6, report.OutcomeAccuracy, 10);
        Assert.Equal(4, report.Documents);
        Assert.Equal(2, report.CorrectDocuments);
        Assert.Equal(0.5, report.Accuracy, 10);
        Assert.Equal(1, report.ExtraDocuments);
    }

    [Fact]
    public void Compute_HandMadeTable_AccuracyPerClass()
    {
        // Act
        var report = EvalReport.Compute(Labels, Predictions);

        // Assert
        Assert.Equal(
            [
                new ClassAccuracy(DocumentType.ClinicalNote, 1, 0),
                new ClassAccuracy(DocumentType.ImagingReport, 1, 1),
                new ClassAccuracy(DocumentType.LabResult, 2, 1),
            ],
            report.Classes);
        Assert.Equal(0.5, report.Classes[2].Accuracy, 10);
    }

    [Fact]
    public void Compute_HandMadeTable_ConfusionPairsIncludeMissingDocuments()
    {
        // Act
        var report = EvalReport.Compute(Labels, Predictions);

        // Assert
        Assert.Equal(
            [
                new Confusion(DocumentType.ClinicalNote, DocumentType.Referral, 1),
                new Confusion(DocumentType.LabResult, null, 1),
            ],
            report.Confusions);
    }

    [Fact]
    public void Compute_HandMadeTable_FieldExactMatchRates()
    {
        // Act
        var report = EvalReport.Compute(Labels, Predictions);

        // Assert: names match in a (normalized) and in the misclassified note, and are missing for d.
        Assert.Equal(
            [
                new FieldMatchRate(FieldNames.Icd10Codes, 1, 1),
                new FieldMatchRate(FieldNames.PatientName, 3, 2),
            ],
            report.Fields);
        Assert.Equal(2.0 / 3, report.Fields[1].Rate, 10);
    }

    [Theory]
    [InlineData(new[] { "E11.9" }, false)]
    [InlineData(new[] { "E11.9", "I10", "Z00.0" }, false)]
    [InlineData(new[] { "i10", "e11.9" }, true)]
    public void Compute_MultiValuedField_MatchesOnlyTheSameSet(string[] predicted, bool expectedMatch)
    {
        // Arrange
        LabeledFile[] labels =
            [File("x.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted,
                Doc(DocumentType.LabResult, (FieldNames.Icd10Codes, ["E11.9", "I10"])))];
        FilePrediction[] predictions =
            [new("x.pdf", ExpectedOutcome.Completed, PreflightVerdict.Accepted,
                [Predicted(DocumentType.LabResult, (FieldNames.Icd10Codes, predicted))])];

        // Act
        var report = EvalReport.Compute(labels, predictions);

        // Assert
        Assert.Equal(expectedMatch ? 1 : 0, Assert.Single(report.Fields).ExactMatches);
    }

    [Fact]
    public void ToTable_HandMadeTable_RendersAlignedRows()
    {
        // Arrange
        var report = EvalReport.Compute(Labels, Predictions);

        // Act
        var table = report.ToTable().Split('\n');

        // Assert
        Assert.Equal("Files          3 / 5     outcome as expected   60.0 %", table[0]);
        Assert.Equal("Documents      2 / 4     type correct           50.0 %", table[1]);
        Assert.Contains("LabResult                      2       1   50.0 %", table);
        Assert.Contains("ClinicalNote             Referral                     1", table);
        Assert.Contains("LabResult                (none)                       1", table);
        Assert.Contains("patient_name                   3       2   66.7 %", table);
    }

    [Fact]
    public void Compute_NoLabels_ZeroRatesWithoutDividingByZero()
    {
        // Act
        var report = EvalReport.Compute([], []);

        // Assert
        Assert.Equal(0, report.Accuracy);
        Assert.Equal(0, report.OutcomeAccuracy);
        Assert.Empty(report.Classes);
        Assert.Contains("(no confusions)", report.ToTable(), StringComparison.Ordinal);
    }

    private static LabeledFile File(
        string name, ExpectedOutcome outcome, PreflightVerdict verdict, params LabeledDocument[] documents) =>
        new(name, SampleKind.BornDigitalPdf, outcome, verdict, documents.Length, NoTurns, documents);

    private static LabeledDocument Doc(DocumentType type, params (string Name, string[] Values)[] fields) =>
        new(type, null, null, null, fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Values));

    private static PredictedDocument Predicted(DocumentType type, params (string Name, string[] Values)[] fields) =>
        new(type, fields.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)f.Values));
}
