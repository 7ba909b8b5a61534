namespace HipaaAi.Shared.Phi;

/// <summary>
/// PHI protection settings, bound from <c>Phi</c>. In Azure <c>Phi:PseudonymKey</c> (app setting
/// <c>Phi__PseudonymKey</c>) is a Key Vault reference the platform resolves; locally it comes from user secrets or
/// the environment. Never from a committed file.
/// </summary>
public sealed class PhiProtectionOptions
{
    public const string SectionName = "Phi";

    public const string PseudonymKeySetting = SectionName + ":" + nameof(PseudonymKey);

    /// <summary>The HMAC key for pseudonyms: base64 of at least 32 random bytes.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The decoded key, or an exception naming the setting and what is wrong (never the value).</summary>
    public byte[] DecodePseudonymKey()
    {
        var value = PseudonymKey?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new PhiConfigurationException(PseudonymKeySetting, "is not set");
        }

        if (value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
        {
            throw new PhiConfigurationException(PseudonymKeySetting,
                "is an unresolved Key Vault reference (check the app's identity, its Key Vault role and network access)");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            throw new PhiConfigurationException(PseudonymKeySetting, "is not base64");
        }

        return key.Length >= 32
            ? key
            : throw new PhiConfigurationException(PseudonymKeySetting, "must decode to at least 32 bytes");
    }
}

/// <summary>A PHI protection setting is missing or unusable. Names the setting, never its value.</summary>
public sealed class PhiConfigurationException(string setting, string problem)
    : Exception($"The setting {setting} {problem}.")
{
    public string Setting { get; } = setting;
}
