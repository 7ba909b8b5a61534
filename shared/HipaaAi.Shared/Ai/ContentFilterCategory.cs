using System.ClientModel;
using System.Text.Json;
using OpenAI.Chat;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Reads which Azure OpenAI content filter category fired, from either form a refusal takes: an HTTP 400 whose error
/// code is <c>content_filter</c> (the prompt was filtered) or a completion whose choice carries
/// <c>content_filter_results</c> (the answer was filtered).
/// </summary>
internal static class ContentFilterCategory
{
    private const string Unspecified = "unspecified";

    /// <summary>The filtered category of a content-filter error body, or null when the body is another error.</summary>
    public static string? FromErrorBody(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
            return null;

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
                return null;
            if (!error.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
                || code.GetString() != "content_filter")
            {
                return null;
            }

            return error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                   && inner.TryGetProperty("content_filter_result", out var results)
                ? FilteredCategory(results)
                : Unspecified;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The filtered category named in the first choice of a completion that ended by content filter.</summary>
    public static string FromCompletion(ClientResult<ChatCompletion> result)
    {
        try
        {
            using var document = JsonDocument.Parse(result.GetRawResponse().Content);
            return document.RootElement.TryGetProperty("choices", out var choices)
                   && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
                   && choices[0].TryGetProperty("content_filter_results", out var results)
                ? FilteredCategory(results)
                : Unspecified;
        }
        catch (JsonException)
        {
            return Unspecified;
        }
    }

    private static string FilteredCategory(JsonElement results)
    {
        if (results.ValueKind != JsonValueKind.Object)
            return Unspecified;

        foreach (var category in results.EnumerateObject())
        {
            if (category.Value.ValueKind == JsonValueKind.Object
                && category.Value.TryGetProperty("filtered", out var filtered)
                && filtered.ValueKind == JsonValueKind.True)
            {
                return category.Name;
            }
        }

        return Unspecified;
    }
}
