using HipaaAi.Shared.Phi;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Phi;

public sealed class PseudonymizerTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(2, 32).Select(i => (byte)i).ToArray());

    private static Pseudonymizer Create(string? key) =>
        new(Options.Create(new PhiProtectionOptions { PseudonymKey = key }));

    [Fact]
    public void ForPatient_SamePatientWrittenDifferently_GivesSamePseudonym()
    {
        // Arrange
        var pseudonymizer = Create(KeyA);

        // Act
        var first = pseudonymizer.ForPatient("HOSP1|CX7730419");
        var second = pseudonymizer.ForPatient("  hosp1|cx7730419 ");

        // Assert
        Assert.Equal(first, second);
        Assert.Matches("^pt_[a-z2-7]{26}$", first);
    }

    [Fact]
    public void ForPatient_DifferentPatientsOrKeys_GiveDifferentPseudonyms()
    {
        // Arrange
        var a = Create(KeyA);
        var b = Create(KeyB);

        // Act
        var patient1 = a.ForPatient("HOSP1|CX7730419");
        var patient2 = a.ForPatient("HOSP1|CX7730420");
        var otherKey = b.ForPatient("HOSP1|CX7730419");

        // Assert
        Assert.NotEqual(patient1, patient2);
        Assert.NotEqual(patient1, otherKey);
    }

    [Fact]
    public void Pseudonymize_SameValueInTwoDomains_GivesUnrelatedPseudonyms()
    {
        // Arrange
        var pseudonymizer = Create(KeyA);

        // Act
        var patient = pseudonymizer.ForPatient("ZQH829104773");
        var member = pseudonymizer.Pseudonymize("mb_", "ZQH829104773");

        // Assert
        Assert.StartsWith("mb_", member, StringComparison.Ordinal);
        Assert.NotEqual(patient[3..], member[3..]);
    }

    [Fact]
    public void ForPatient_KnownKeyAndInput_MatchesIndependentHmacBase32()
    {
        // Arrange
        var pseudonymizer = Create(KeyA);
        var mac = System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(KeyA), System.Text.Encoding.UTF8.GetBytes("pt_\nABC"));
        var bits = string.Concat(mac.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var expected = string.Concat(Enumerable.Range(0, 26)
            .Select(i => "abcdefghijklmnopqrstuvwxyz234567"[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));

        // Act
        var pseudonym = pseudonymizer.ForPatient("abc");

        // Assert
        Assert.Equal("pt_" + expected, pseudonym);
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("", "is not set")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-hipaa.vault.azure.net/secrets/pseudonym-key/)", "unresolved Key Vault reference")]
    [InlineData("not base64!", "is not base64")]
    [InlineData("c2hvcnQ=", "at least 32 bytes")]
    public void Constructor_UnusableKey_FailsNamingTheSettingNotTheValue(string? key, string problem)
    {
        // Act
        var error = Assert.Throws<PhiConfigurationException>(() => Create(key));

        // Assert
        Assert.Equal("Phi:PseudonymKey", error.Setting);
        Assert.Contains("Phi:PseudonymKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(key))
        {
            Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
        }
    }
}
