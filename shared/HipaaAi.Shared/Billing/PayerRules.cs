using System.Text.Json;
using System.Text.Json.Serialization;

namespace HipaaAi.Shared.Billing;

/// <summary>A payer requires one of <see cref="AnyOf"/> on lines billing one of <see cref="Codes"/>.</summary>
public sealed record RequiredModifierRule(IReadOnlyList<string> Codes, IReadOnlyList<string> AnyOf, string Reason);

/// <summary>A payer does not pay <see cref="First"/> and <see cref="Second"/> on the same day.</summary>
public sealed record ForbiddenPairRule(string First, string Second, string Reason);

/// <summary>The rules one payer adds to the national edits.</summary>
/// <param name="PayerIds">The payer ids (2010BB NM109) the rules apply to.</param>
/// <param name="Name">A label for reports.</param>
/// <param name="RequiredModifiers">Modifier requirements.</param>
/// <param name="PriorAuthorizationCodes">Codes that need a prior authorization number (REF*G1).</param>
/// <param name="ForbiddenPairs">Code pairs the payer does not pay together.</param>
public sealed record PayerRuleSet(
    IReadOnlyList<string> PayerIds,
    string Name,
    IReadOnlyList<RequiredModifierRule>? RequiredModifiers = null,
    IReadOnlyList<string>? PriorAuthorizationCodes = null,
    IReadOnlyList<ForbiddenPairRule>? ForbiddenPairs = null);

/// <summary>Payer-specific rules loaded from JSON (<c>{"payers": [PayerRuleSet, ...]}</c>).</summary>
public sealed class PayerRules
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, PayerRuleSet> byPayerId;

    /// <summary>Indexes <paramref name="payers"/> by payer id.</summary>
    public PayerRules(IReadOnlyList<PayerRuleSet> payers)
    {
        ArgumentNullException.ThrowIfNull(payers);
        Payers = payers;
        byPayerId = new Dictionary<string, PayerRuleSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var payer in payers)
        {
            foreach (var id in payer.PayerIds)
            {
                if (!byPayerId.TryAdd(id, payer))
                {
                    throw new FormatException($"payer rules: payer id listed twice (rule set '{payer.Name}')");
                }
            }
        }
    }

    /// <summary>No payer rules.</summary>
    public static PayerRules Empty { get; } = new([]);

    /// <summary>Every rule set.</summary>
    public IReadOnlyList<PayerRuleSet> Payers { get; }

    /// <summary>Reads the JSON document.</summary>
    public static PayerRules Load(Stream json)
    {
        var document = JsonSerializer.Deserialize<PayerRulesDocument>(json, JsonOptions)
            ?? throw new FormatException("payer rules: the document is empty");
        return new PayerRules(document.Payers ?? []);
    }

    /// <summary>Reads a JSON file.</summary>
    public static PayerRules LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>The rules for <paramref name="payerId"/>, or null.</summary>
    public PayerRuleSet? Find(string? payerId) => payerId is null ? null : byPayerId.GetValueOrDefault(payerId);

    private sealed record PayerRulesDocument(
        [property: JsonPropertyName("payers")] IReadOnlyList<PayerRuleSet>? Payers);
}
