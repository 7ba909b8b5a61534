using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Tests.Samples;
using HipaaAi.Shared.Tests.TestFiles;
using HipaaAi.Shared.Understanding;
using UglyToad.PdfPig;

namespace HipaaAi.Shared.Tests.PriorAuthorization;

public sealed class PacketPdfBuilderTests
{
    [Fact]
    public async Task BuildAsync_ThreeDocuments_CoverAndChecklistFirstThenDocumentsInThePayersOrder()
    {
        // Arrange: the documents arrive lab, note, form; the payer wants form, note, lab.
        using var folder = new TempFolder();
        var renderer = TestRenderer.Create();
        var lab = folder.Write("lab.pdf", renderer.RenderTextPdf([SyntheticPriorAuthCase.LabText()], 1));
        var note = folder.Write("note.pdf", renderer.RenderTextPdf([SyntheticPriorAuthCase.NoteText(), "page two"], 2));
        var form = folder.Write("form.pdf", renderer.RenderTextPdf([SyntheticPriorAuthCase.FormText()], 3));
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), SyntheticPriorAuthCase.Criteria(),
            SyntheticPriorAuthCase.CompleteCase());
        PacketSource[] sources =
        [
            new("lab", DocumentType.LabResult, lab, 1, 1, []),
            new("note", DocumentType.ClinicalNote, note, 1, 2, []),
            new("form", DocumentType.PriorAuthorizationForm, form, 1, 1, []),
        ];

        // Act
        var packet = await PacketPdfBuilder.BuildAsync("pa-case-1", assessment, sources, CancellationToken.None);

        // Assert
        using var pdf = PdfDocument.Open(packet.Pdf);
        Assert.Equal(6, pdf.NumberOfPages);
        Assert.Equal(packet.PageCount, pdf.NumberOfPages);
        Assert.Equal(["Cover sheet", "Criteria checklist", "Prior authorization form", "Clinical note", "Lab result"],
            packet.Sections.Select(section => section.Title));
        Assert.Equal([1, 2, 3, 4, 6], packet.Sections.Select(section => section.FirstPage));
        Assert.Contains("PRIOR AUTHORIZATION REQUEST FORM", pdf.GetPage(3).Text, StringComparison.Ordinal);
        Assert.Contains("LABORATORY REPORT", pdf.GetPage(6).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_Checklist_CitesEachCriterionWithItsPacketPage()
    {
        // Arrange
        var assessment = PriorAuthAssessor.Assess(SyntheticPriorAuthCase.Request(), SyntheticPriorAuthCase.Criteria(),
            SyntheticPriorAuthCase.CompleteCase());
        PacketSource[] sources =
        [
            new("form", DocumentType.PriorAuthorizationForm, null, 1, 1, [SyntheticPriorAuthCase.FormText()]),
            new("note", DocumentType.ClinicalNote, null, 1, 1, [SyntheticPriorAuthCase.NoteText()]),
            new("lab", DocumentType.LabResult, null, 1, 1, [SyntheticPriorAuthCase.LabText()]),
        ];

        // Act
        var packet = await PacketPdfBuilder.BuildAsync("pa-case-1", assessment, sources, CancellationToken.None);

        // Assert: the note is the fourth packet page, so its citation says so.
        using var pdf = PdfDocument.Open(packet.Pdf);
        var checklist = string.Join(' ', pdf.GetPage(2).GetWords().Select(word => word.Text));
        Assert.Contains("psoriasis-diagnosis", checklist, StringComparison.Ordinal);
        Assert.Contains("packet page 4", checklist, StringComparison.Ordinal);
        Assert.Contains("criteria met", string.Join(' ', pdf.GetPage(1).GetWords().Select(word => word.Text)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Order_TypesThePayerDoesNotList_FollowInArrivalOrder()
    {
        // Arrange
        PacketSource[] sources =
        [
            new("x", DocumentType.Referral, null, 1, 1, ["x"]),
            new("n", DocumentType.ClinicalNote, null, 1, 1, ["n"]),
            new("y", DocumentType.InsuranceCard, null, 1, 1, ["y"]),
        ];

        // Act
        var ordered = PacketPdfBuilder.Order(sources, [DocumentType.ClinicalNote]);

        // Assert
        Assert.Equal(["n", "x", "y"], ordered.Select(source => source.DocumentId));
    }
}
