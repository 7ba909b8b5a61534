using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding.Synthetic;

/// <summary>
/// One fictitious document: the text of each page and its ground truth (type and the field values a perfect
/// extractor would return, keyed by <see cref="FieldNames"/>; dates ISO-8601, sex F/M, names "First Last").
/// </summary>
public sealed record SyntheticDocument(
    DocumentType Type,
    string Title,
    IReadOnlyList<string> Pages,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ExpectedFields,
    FakePatient? Patient)
{
    /// <summary>All pages joined with form feeds, as a classifier sees a whole document.</summary>
    public string FullText => string.Join("\f\n", Pages);

    /// <summary>The pages as reader output, numbered from <paramref name="firstPageNumber"/>.</summary>
    public IReadOnlyList<PageText> ToPageTexts(int firstPageNumber = 1) =>
        Pages.Select((text, i) => new PageText(firstPageNumber + i, text, 1.0, 0, PageTextSource.TextLayer)).ToList();
}

/// <summary>Where one document sits inside a fax packet (page numbers start at 1).</summary>
public sealed record PacketDocument(SyntheticDocument Document, int FirstPage, int LastPage);

/// <summary>A fictitious multi-document fax: a cover sheet and the documents behind it, in page order.</summary>
public sealed record FaxPacket(IReadOnlyList<PacketDocument> Documents)
{
    /// <summary>Every page of the packet, numbered from 1.</summary>
    public IReadOnlyList<PageText> Pages =>
        Documents.SelectMany(d => d.Document.ToPageTexts(d.FirstPage)).ToList();

    /// <summary>How many different patients the packet's documents belong to.</summary>
    public int PatientCount =>
        Documents.Where(d => d.Document.Patient is not null).Select(d => d.Document.Patient!.Mrn).Distinct().Count();
}
