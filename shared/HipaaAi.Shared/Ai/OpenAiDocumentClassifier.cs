using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Ai;

/// <summary>Classifies a document with an Azure OpenAI chat deployment and a strict answer schema.</summary>
public sealed class OpenAiDocumentClassifier : IDocumentClassifier
{
    /// <summary>The type of a document shows in its first pages; longer text is cut here to bound cost.</summary>
    public const int MaxCharacters = 40_000;

    private static readonly string Schema = ChatSchemas.Object(
            ("documentType", ChatSchemas.Enum(System.Enum.GetNames<DocumentType>(), "The kind of document.")),
            ("confidence", ChatSchemas.Number("How sure the choice is, from 0 to 1.")))
        .ToJsonString();

    private static readonly string Instructions =
        ChatSchemas.DocumentIsData + " Decide which kind of document it is. Use Other when none fits, and give a " +
        "confidence between 0 and 1.";

    private readonly StructuredChat _chat;

    internal OpenAiDocumentClassifier(StructuredChat chat) => _chat = chat;

    /// <inheritdoc />
    public async Task<Classification> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);

        var content = text.Length > MaxCharacters ? text[..MaxCharacters] : text;
        var request = new ChatRequest("classify", Instructions, $"<page>\n{content}\n</page>", "document_type", Schema);
        var answer = await _chat.CompleteAsync<ClassificationAnswer>(request, Check, cancellationToken)
            .ConfigureAwait(false);

        return new Classification(Enum.Parse<DocumentType>(answer.DocumentType), answer.Confidence, _chat.Engine);
    }

    private static string? Check(ClassificationAnswer answer)
    {
        if (!Enum.TryParse<DocumentType>(answer.DocumentType, ignoreCase: false, out var type)
            || !Enum.IsDefined(type) || int.TryParse(answer.DocumentType, out _))
        {
            return "the document type is not one of the allowed values";
        }

        return answer.Confidence is >= 0 and <= 1 ? null : "the confidence is outside 0..1";
    }

    private sealed record ClassificationAnswer(string DocumentType, double Confidence);
}
