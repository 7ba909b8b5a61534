using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipaaAi.Shared.Billing;

/// <summary>
/// The claim model as JSON: an accepted input format next to X12 (camelCase properties, enums as names, ISO dates).
/// The JSON holds the whole claim, PHI included: store and send it like the 837 it stands for.
/// </summary>
public static class ClaimJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>One claim as JSON.</summary>
    public static string Serialize(Claim claim) => JsonSerializer.Serialize(claim, Options);

    /// <summary>Several claims as a JSON array.</summary>
    public static string SerializeMany(IReadOnlyList<Claim> claims) => JsonSerializer.Serialize(claims, Options);

    /// <summary>Reads one claim, or an array of claims.</summary>
    public static IReadOnlyList<Claim> Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var claims = json.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<Claim[]>(json, Options)
                : [JsonSerializer.Deserialize<Claim>(json, Options)!];
            if (claims is null || claims.Any(claim => claim is null || claim.ClaimId is null || claim.Lines is null))
            {
                throw new FormatException("Claim JSON is missing a claim, its claimId or its lines.");
            }

            return claims;
        }
        catch (JsonException exception)
        {
            // The JSON reader's message quotes no values, only the path and position.
            throw new FormatException(
                $"Claim JSON is malformed at {exception.Path} (line {exception.LineNumber}).", exception);
        }
    }
}
