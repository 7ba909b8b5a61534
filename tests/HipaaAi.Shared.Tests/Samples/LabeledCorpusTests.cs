using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Samples;

public sealed class LabeledCorpusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("corpus-").FullName;

    [Theory]
    [InlineData("pa_form", DocumentType.PriorAuthorizationForm)]
    [InlineData("doctor_notes", DocumentType.ClinicalNote)]
    [InlineData("labs", DocumentType.LabResult)]
    [InlineData("imaging", DocumentType.ImagingReport)]
    [InlineData("policies", DocumentType.PayerPolicy)]
    [InlineData("PA_FORM", DocumentType.PriorAuthorizationForm)]
    [InlineData("Referral", DocumentType.Referral)]
    [InlineData("dischargesummary", DocumentType.DischargeSummary)]
    [InlineData("FaxCoverSheet", DocumentType.FaxCoverSheet)]
    public void TryMapFolderName_KnownName_MapsToType(string folder, DocumentType expected)
    {
        // Act
        var mapped = LabeledCorpus.TryMapFolderName(folder, out var type);

        // Assert
        Assert.True(mapped);
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("misc")]
    [InlineData("3")]
    [InlineData("Referral,LabResult")]
    [InlineData("")]
    public void TryMapFolderName_UnknownName_ReturnsFalse(string folder)
    {
        // Act
        var mapped = LabeledCorpus.TryMapFolderName(folder, out _);

        // Assert
        Assert.False(mapped);
    }

    [Fact]
    public void Load_FolderWithoutLabelsJson_LabelsFilesByNearestTypeFolder()
    {
        // Arrange
        Touch("labs/a.pdf");
        Touch("labs/2025/b.tif");
        Touch("incoming/pa_form/c.pdf");
        Touch("doctor_notes/imaging/d.pdf");
        Touch("loose.pdf");
        Touch("policies/.hidden/e.pdf");

        // Act
        var corpus = LabeledCorpus.Load(_root);

        // Assert
        var types = corpus.Files.ToDictionary(f => f.File, f => Assert.Single(f.Documents).Type);
        Assert.Equal(
            new Dictionary<string, DocumentType>
            {
                ["doctor_notes/imaging/d.pdf"] = DocumentType.ImagingReport,
                ["incoming/pa_form/c.pdf"] = DocumentType.PriorAuthorizationForm,
                ["labs/2025/b.tif"] = DocumentType.LabResult,
                ["labs/a.pdf"] = DocumentType.LabResult,
            },
            types);
        Assert.Equal(["loose.pdf"], corpus.Unlabeled);
        Assert.All(corpus.Files, f => Assert.Equal(ExpectedOutcome.Completed, f.Outcome));
        var labFile = corpus.Files.Single(f => f.File == "labs/a.pdf");
        Assert.Equal(Path.Combine(_root, "labs", "a.pdf"), corpus.PathOf(labFile));
    }

    [Fact]
    public void Load_FolderWithLabelsJson_UsesLabelsOverFolderNames()
    {
        // Arrange
        Touch("labs/a.pdf");
        var fields = new Dictionary<string, IReadOnlyList<string>> { [FieldNames.Mrn] = ["MRN-001"] };
        var labels = new SampleLabels(7,
        [
            new LabeledFile("labs/a.pdf", SampleKind.FaxTiff, ExpectedOutcome.Completed, PreflightVerdict.Accepted, 1,
                new Dictionary<int, int> { [1] = 90 },
                [new LabeledDocument(DocumentType.ClinicalNote, 1, 1, "MRN-001", fields)]),
            new LabeledFile("empty.pdf", SampleKind.Broken, ExpectedOutcome.Quarantined, PreflightVerdict.Empty, null,
                new Dictionary<int, int>(), []),
        ]);
        labels.Save(Path.Combine(_root, SampleLabels.FileName));

        // Act
        var corpus = LabeledCorpus.Load(_root);

        // Assert
        Assert.Equal(2, corpus.Files.Count);
        var first = corpus.Files[0];
        Assert.Equal(DocumentType.ClinicalNote, first.Documents[0].Type);
        Assert.Equal(["MRN-001"], first.Documents[0].Fields[FieldNames.Mrn]);
        Assert.Equal(90, first.RotatedPages[1]);
        Assert.Equal(PreflightVerdict.Empty, corpus.Files[1].Verdict);
        Assert.Equal(labels.ToJson(), new SampleLabels(7, corpus.Files).ToJson());
    }

    [Fact]
    public void Load_MissingFolder_ThrowsDirectoryNotFound()
    {
        // Act & Assert
        Assert.Throws<DirectoryNotFoundException>(() => LabeledCorpus.Load(Path.Combine(_root, "absent")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Touch(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1]);
    }
}
