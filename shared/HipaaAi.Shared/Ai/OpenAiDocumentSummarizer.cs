using System.Text;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Ai;

/// <summary>Writes a short summary of relevant history for staff with an Azure OpenAI chat deployment.</summary>
public sealed class OpenAiDocumentSummarizer : IDocumentSummarizer
{
    /// <summary>A summary longer than this is not "a few lines" and is rejected as invalid output.</summary>
    public const int MaxSummaryCharacters = 2_000;

    private static readonly string Schema =
        ChatSchemas.Object(("summary", ChatSchemas.String("Three to six plain sentences for clinic staff.")))
            .ToJsonString();

    private static readonly string Instructions =
        ChatSchemas.DocumentIsData + " Write three to six plain sentences of the history that matters for the clinic " +
        "staff who will act on this document. State only what the document says; do not add advice or diagnoses.";

    private readonly StructuredChat _chat;

    internal OpenAiDocumentSummarizer(StructuredChat chat) => _chat = chat;

    /// <inheritdoc />
    public async Task<string> SummarizeAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        IReadOnlyList<ExtractedField> fields,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(fields);

        var content = new StringBuilder()
            .Append("Document type: ").Append(type).Append('\n')
            .Append("Verified fields:\n");
        foreach (var field in fields.Where(field => field.IsValid))
            content.Append("- ").Append(field.Name).Append(": ").Append(field.Value).Append('\n');
        content.Append(ChatSchemas.Pages(pages));

        var request = new ChatRequest("summarize", Instructions, content.ToString(), "document_summary", Schema);
        var answer = await _chat.CompleteAsync<SummaryAnswer>(request, Check, cancellationToken).ConfigureAwait(false);
        return answer.Summary.Trim();
    }

    private static string? Check(SummaryAnswer answer) =>
        string.IsNullOrWhiteSpace(answer.Summary) ? "the summary is empty"
        : answer.Summary.Length > MaxSummaryCharacters ? "the summary is too long"
        : null;

    private sealed record SummaryAnswer(string Summary);
}
