using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Extracts the fields of <see cref="FieldCatalog"/> with an Azure OpenAI chat deployment. Each field must cite its
/// page and quote its evidence; <see cref="FieldGrounding"/> then drops whatever the document does not support.
/// </summary>
public sealed class OpenAiFieldExtractor : IFieldExtractor
{
    private static readonly string Instructions =
        ChatSchemas.DocumentIsData + " Extract every field of the allowed names that the document states. For each, " +
        "give the value exactly as printed, the number of the page it is on, and a short quote from that page that " +
        "contains " +
        "it. Leave out a field the document does not state; never infer or invent a value or a code. A field that " +
        "occurs more than once (for example several diagnosis codes) is listed once per value.";

    private readonly StructuredChat _chat;
    private readonly ILogger<OpenAiFieldExtractor> _logger;

    internal OpenAiFieldExtractor(StructuredChat chat, ILogger<OpenAiFieldExtractor> logger)
    {
        _chat = chat;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExtractedField>> ExtractAsync(
        DocumentType type,
        IReadOnlyList<PageText> pages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);

        var allowed = FieldCatalog.For(type);
        var request = new ChatRequest("extract", Instructions, ChatSchemas.Pages(pages), "extracted_fields",
            SchemaFor(allowed));
        var answer = await _chat.CompleteAsync<ExtractionAnswer>(
                request,
                candidate => candidate.Fields.All(field => allowed.Contains(field.Name))
                    ? null
                    : "a field name is not one of the allowed names",
                cancellationToken)
            .ConfigureAwait(false);

        var proposed = answer.Fields.Select(field =>
        {
            var problem = FieldCatalog.FormatProblem(field.Name, field.Value);
            return new ExtractedField(
                field.Name, field.Value.Trim(), field.Page, field.Evidence, problem is null, problem);
        });
        var grounded = FieldGrounding.KeepGrounded(proposed, pages);

        Logs.FieldsGrounded(_logger, grounded.Count, answer.Fields.Count);
        return grounded;
    }

    private static string SchemaFor(IReadOnlyList<string> allowed) =>
        ChatSchemas.Object(
                ("fields", ChatSchemas.Array(ChatSchemas.Object(
                    ("name", ChatSchemas.Enum(allowed, "The field name.")),
                    ("value", ChatSchemas.String("The value exactly as printed.")),
                    ("page", ChatSchemas.Integer("The page number the value is on.")),
                    ("evidence", ChatSchemas.String("A short quote from that page containing the value."))))))
            .ToJsonString();

    private sealed record ExtractionAnswer(IReadOnlyList<ProposedField> Fields);

    private sealed record ProposedField(string Name, string Value, int Page, string Evidence);
}
