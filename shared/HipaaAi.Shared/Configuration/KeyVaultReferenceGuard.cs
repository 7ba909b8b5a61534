using Microsoft.Extensions.Configuration;

namespace HipaaAi.Shared.Configuration;

/// <summary>
/// App Service leaves a Key Vault reference as its literal text when it cannot resolve it (no access, wrong URI,
/// vault unreachable). Starting with such a value would fail much later and less clearly, so startup stops here and
/// names the setting; the value itself is never printed.
/// </summary>
public static class KeyVaultReferenceGuard
{
    private const string ReferencePrefix = "@Microsoft.KeyVault(";

    public static void ThrowIfUnresolved(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var unresolved = configuration.AsEnumerable()
            .Where(pair => pair.Value?.TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase) == true)
            .Select(pair => pair.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        if (unresolved.Count > 0)
        {
            throw new InvalidOperationException(
                "Key Vault references were not resolved for: " + string.Join(", ", unresolved) +
                ". Check the app identity's 'Key Vault Secrets User' role and the secret URIs.");
        }
    }
}
