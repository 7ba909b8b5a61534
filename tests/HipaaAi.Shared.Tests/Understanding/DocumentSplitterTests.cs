using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class DocumentSplitterTests
{
    private const string Cover = "Hollowbrook Family Medicine\nFAX COVER SHEET\nTo: Medical Records\nFrom: Front desk\nPages: 4";
    private const string NoteA = "PROGRESS NOTE\nPatient: Thea Ashwick    DOB: 03/04/1961\nMRN: 00482913\nAssessment: stable.";
    private const string NoteAPage2 = "Plan: continue current medications.";
    private const string NoteB = "PROGRESS NOTE\nPatient: Oren Mossdale    DOB: 11/09/1975\nMRN: 00990017\nAssessment: improving.";
    private const string LabA = "LABORATORY REPORT\nPatient: Thea Ashwick    DOB: 03/04/1961\nMRN: 00482913\nGlucose 98 mg/dL";

    private static List<PageText> Pages(params string[] texts) =>
        texts.Select((t, i) => new PageText(i + 1, t, 0.9, 0, PageTextSource.Ocr)).ToList();

    public static TheoryData<string, string[], (int First, int Last, string Reason)[]> Cases() => new()
    {
        {
            "cover sheet is a document of its own",
            [Cover, NoteA, NoteAPage2],
            [(1, 1, DocumentSplitter.ReasonFirstPage), (2, 3, DocumentSplitter.ReasonAfterFaxCover)]
        },
        {
            "a cover sheet in the middle starts a new document",
            [NoteA, NoteAPage2, Cover, NoteB],
            [(1, 2, DocumentSplitter.ReasonFirstPage), (3, 3, DocumentSplitter.ReasonFaxCover), (4, 4, DocumentSplitter.ReasonAfterFaxCover)]
        },
        {
            "patient change with the same form title",
            [NoteA, NoteAPage2, NoteB],
            [(1, 2, DocumentSplitter.ReasonFirstPage), (3, 3, DocumentSplitter.ReasonPatientChanged + " (MRN)")]
        },
        {
            "date of birth change when no MRN is printed",
            ["Patient: Thea Ashwick  DOB: 03/04/1961\nnote", "Patient: Thea Ashwick  DOB: 03/05/1961\nnote"],
            [(1, 1, DocumentSplitter.ReasonFirstPage), (2, 2, DocumentSplitter.ReasonPatientChanged + " (date of birth)")]
        },
        {
            "form title change for the same patient",
            [NoteA, LabA],
            [(1, 1, DocumentSplitter.ReasonFirstPage), (2, 2, DocumentSplitter.ReasonTitleChanged)]
        },
        {
            "page x of y: page 1 starts, y ends",
            ["Report\nPage 1 of 2", "more\nPage 2 of 2", "Report\nPage 1 of 1", "Report\nPage 1 of 3", "x\nPage 2 of 3", "y\nPage 3 of 3"],
            [(1, 2, DocumentSplitter.ReasonFirstPage), (3, 3, DocumentSplitter.ReasonPageOneOf), (4, 6, DocumentSplitter.ReasonPageOneOf)]
        },
        {
            "a page after the last of a numbered sequence starts a new document",
            ["text\nPage 1 of 2", "text\nPage 2 of 2", "unnumbered page"],
            [(1, 2, DocumentSplitter.ReasonFirstPage), (3, 3, DocumentSplitter.ReasonSequenceEnded)]
        },
        {
            "a numbered sequence keeps pages together even when a page names another patient",
            ["PROGRESS NOTE\nMRN: 00482913\n1 of 2", "PROGRESS NOTE\nMRN: 00990017\n2 of 2"],
            [(1, 2, DocumentSplitter.ReasonFirstPage)]
        },
        {
            "pages without any signal stay together",
            [NoteA, NoteAPage2, "Signed electronically."],
            [(1, 3, DocumentSplitter.ReasonFirstPage)]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_HandWrittenPages_SplitsWhereExpectedWithReason(
        string scenario, string[] pageTexts, (int First, int Last, string Reason)[] expected)
    {
        // Arrange
        var splitter = new DocumentSplitter();

        // Act
        var segments = splitter.Split(Pages(pageTexts));

        // Assert
        Assert.True(expected.Length == segments.Count, scenario);
        Assert.Equal(expected.Select(e => new DocumentSegment(e.First, e.Last, e.Reason)), segments);
    }

    [Fact]
    public void Split_NoPages_ReturnsNoSegments()
    {
        // Act
        var segments = new DocumentSplitter().Split([]);

        // Assert
        Assert.Empty(segments);
    }

    [Fact]
    public void Split_SyntheticFaxPackets_FindsEveryDocumentBoundary()
    {
        // Arrange
        var splitter = new DocumentSplitter();
        var wrong = new List<string>();

        for (var seed = 0; seed < 60; seed++)
        {
            var packet = new SyntheticDocuments(seed).NextFaxPacket();

            // Act
            var segments = splitter.Split(packet.Pages);

            // Assert (collected so that one run lists every wrong packet)
            var expected = packet.Documents.Select(d => (d.FirstPage, d.LastPage)).ToList();
            var actual = segments.Select(s => (s.FirstPage, s.LastPage)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                wrong.Add($"seed {seed}: expected {string.Join(",", expected)} got {string.Join(",", actual)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }
}
