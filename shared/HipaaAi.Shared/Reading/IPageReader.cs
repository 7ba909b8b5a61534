using HipaaAi.Shared.Documents;

namespace HipaaAi.Shared.Reading;

/// <summary>Reads the text of chosen pages of a staged file (page numbers start at 1).</summary>
public interface IPageReader
{
    /// <summary>The engine name recorded in audit events, e.g. "tesseract" or "document-intelligence".</summary>
    string EngineName { get; }

    Task<IReadOnlyList<PageText>> ReadPagesAsync(
        string path,
        DocumentFormat format,
        IReadOnlyList<int> pageNumbers,
        CancellationToken cancellationToken);
}
