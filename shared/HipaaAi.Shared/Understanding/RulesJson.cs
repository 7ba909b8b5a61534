using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipaaAi.Shared.Understanding;

/// <summary>Reads the JSON rules files with one set of options (camelCase, enum names, comments allowed).</summary>
internal static class RulesJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static T Parse<T>(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new UnderstandingConfigurationException($"Rules file '{source}' is empty.");
        }
        catch (JsonException ex)
        {
            throw new UnderstandingConfigurationException(
                $"Rules file '{source}' is not valid at line {ex.LineNumber}: {ex.Path}.", ex);
        }
    }

    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UnderstandingConfigurationException($"Rules file '{Path.GetFileName(path)}' was not found.");
        }

        return File.ReadAllText(path);
    }
}
