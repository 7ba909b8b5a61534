using HipaaAi.Shared.Reading;

namespace HipaaAi.Shared.Understanding;

/// <summary>A run of pages that forms one document inside a multi-document fax.</summary>
public sealed record DocumentSegment(int FirstPage, int LastPage, string SplitReason);

/// <summary>The type a classifier chose, how sure it is (0..1) and which engine decided.</summary>
public sealed record Classification(DocumentType Type, double Confidence, string Engine);

/// <summary>
/// One extracted value with the page and the source text that supports it. A value that fails its format check is
/// kept with <see cref="IsValid"/> false and the problem named, never silently corrected.
/// </summary>
public sealed record ExtractedField(string Name, string Value, int Page, string Evidence, bool IsValid, string? Problem);

/// <summary>Splits the pages of one file into the documents it holds.</summary>
public interface IDocumentSplitter
{
    IReadOnlyList<DocumentSegment> Split(IReadOnlyList<PageText> pages);
}

/// <summary>Assigns a document type to the text of one document.</summary>
public interface IDocumentClassifier
{
    Task<Classification> ClassifyAsync(string text, CancellationToken cancellationToken);
}

/// <summary>Extracts the structured fields that matter for a document type.</summary>
public interface IFieldExtractor
{
    Task<IReadOnlyList<ExtractedField>> ExtractAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        CancellationToken cancellationToken);
}

/// <summary>Writes a few lines of relevant history for staff.</summary>
public interface IDocumentSummarizer
{
    Task<string> SummarizeAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        IReadOnlyList<ExtractedField> fields,
        CancellationToken cancellationToken);
}
