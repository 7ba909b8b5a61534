using System.Text.Json;

namespace HipaaAi.Shared.Ai;

// The parts of the Document Intelligence v4 (2024-11-30) analyze operation this reader uses. Anything else in the
// answer (tables, figures, paragraphs, the full content string) is ignored by the deserializer.

internal sealed record AnalyzeOperation(string? Status, AnalyzeResult? AnalyzeResult, ServiceError? Error);

internal sealed record AnalyzeResult(string? ModelId, IReadOnlyList<AnalyzedPage>? Pages);

internal sealed record AnalyzedPage(
    int PageNumber,
    double? Angle,
    IReadOnlyList<AnalyzedLine>? Lines,
    IReadOnlyList<AnalyzedWord>? Words);

internal sealed record AnalyzedLine(string? Content);

internal sealed record AnalyzedWord(string? Content, double? Confidence);

internal sealed record ServiceErrorBody(ServiceError? Error);

internal sealed record ServiceError(string? Code, ServiceInnerError? InnerError);

internal sealed record ServiceInnerError(string? Code);

internal static class ServiceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The most specific error code of an Azure error body, or null when the body is not one.</summary>
    public static string? ReadErrorCode(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
            return null;

        try
        {
            var error = body.ToObjectFromJson<ServiceErrorBody>(Options)?.Error;
            return error?.InnerError?.Code ?? error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
