using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Phi;

/// <summary>
/// Turns identifiers into keyed pseudonyms (HMAC-SHA256, base32), e.g. <c>pt_k3v…</c>: the same input always gives
/// the same pseudonym, and without the key a pseudonym cannot be linked back or recomputed from a guessed MRN.
/// Construction fails fast when the key is missing or unresolved.
/// </summary>
public sealed class Pseudonymizer
{
    public const string PatientPrefix = "pt_";

    /// <summary>26 base32 characters carry 130 bits of the HMAC: collisions are not a practical concern.</summary>
    public const int Length = 26;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly byte[] key;

    public Pseudonymizer(IOptions<PhiProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = options.Value.DecodePseudonymKey();
    }

    /// <summary>The pseudonym of a patient; <paramref name="patientKey"/> is e.g. the issuer and MRN together.</summary>
    public string ForPatient(string patientKey) => Pseudonymize(PatientPrefix, patientKey);

    /// <summary>
    /// A pseudonym with its own prefix (e.g. <c>mb_</c> for member ids). The prefix is also hashed, so the same value
    /// in two domains gives unrelated pseudonyms. Values are compared trimmed and case-insensitively.
    /// </summary>
    public string Pseudonymize(string prefix, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(value);

        var input = Encoding.UTF8.GetBytes(prefix + "\n" + value.Trim().ToUpperInvariant());
        var mac = HMACSHA256.HashData(key, input);
        return prefix + Base32(mac)[..Length];
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var output = new StringBuilder((bytes.Length * 8 / 5) + 1);
        var buffer = 0;
        var bits = 0;
        foreach (var value in bytes)
        {
            buffer = (buffer << 8) | value;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}
