using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Approvals;

/// <summary>What a valid approval link grants: one decision on one approval, for one role, until it expires.</summary>
public sealed record ApprovalLinkClaims(
    string ApprovalId,
    ApprovalDecision Decision,
    string Role,
    DateTimeOffset ExpiresAt,
    string Nonce);

/// <summary>Why a link token was not accepted. The codes go into audit records and answers; never the token.</summary>
public enum ApprovalTokenFailure
{
    Malformed,
    BadSignature,
    Expired,
    WrongApproval,
}

/// <summary>Thrown when a link token is malformed, forged, expired or made for another approval.</summary>
public sealed class ApprovalTokenException(ApprovalTokenFailure failure)
    : Exception($"The approval link was refused: {failure}.")
{
    public ApprovalTokenFailure Failure { get; } = failure;
}

/// <summary>
/// Signs and verifies approval links: <c>v1.{payload}.{mac}</c>, base64url, HMAC-SHA256 over the payload (approval
/// id, decision, role, expiry, nonce). Single use is enforced by the store (the nonce is recorded with the decision),
/// not here.
/// </summary>
public sealed class ApprovalLinkSigner
{
    private const string Version = "v1";
    private const int MinimumKeyBytes = 32;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public ApprovalLinkSigner(IOptions<ApprovalOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);

        _time = time;
        var configured = options.Value.LinkSigningKey
            ?? throw new InvalidOperationException($"Setting '{ApprovalOptions.Section}:LinkSigningKey' is missing.");
        try
        {
            _key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"Setting '{ApprovalOptions.Section}:LinkSigningKey' is not base64.");
        }

        if (_key.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Setting '{ApprovalOptions.Section}:LinkSigningKey' needs at least {MinimumKeyBytes} bytes.");
        }
    }

    /// <summary>Issues a token for one decision; the nonce is random so every card and reminder gets its own links.</summary>
    public string Sign(string approvalId, ApprovalDecision decision, string role, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(approvalId);
        ArgumentException.ThrowIfNullOrEmpty(role);

        var payload = new TokenPayload(approvalId, decision, role, expiresAt.ToUnixTimeSeconds(),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Options);
        return $"{Version}.{Base64Url(body)}.{Base64Url(HMACSHA256.HashData(_key, body))}";
    }

    /// <summary>Verifies a token for the approval it is presented to; throws <see cref="ApprovalTokenException"/>.</summary>
    public ApprovalLinkClaims Verify(string token, string approvalId)
    {
        ArgumentNullException.ThrowIfNull(token);

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !TryFromBase64Url(parts[1], out var body) || !TryFromBase64Url(parts[2], out var mac))
        {
            throw new ApprovalTokenException(ApprovalTokenFailure.Malformed);
        }

        // Constant-time comparison, so the time to refuse says nothing about how much of a forged MAC was right.
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, body), mac))
        {
            throw new ApprovalTokenException(ApprovalTokenFailure.BadSignature);
        }

        TokenPayload payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(body, TokenJson.Options)
                ?? throw new ApprovalTokenException(ApprovalTokenFailure.Malformed);
        }
        catch (JsonException)
        {
            throw new ApprovalTokenException(ApprovalTokenFailure.Malformed);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (_time.GetUtcNow() >= expiresAt)
        {
            throw new ApprovalTokenException(ApprovalTokenFailure.Expired);
        }

        if (!string.Equals(payload.Id, approvalId, StringComparison.Ordinal))
        {
            throw new ApprovalTokenException(ApprovalTokenFailure.WrongApproval);
        }

        return new ApprovalLinkClaims(payload.Id, payload.Decision, payload.Role, expiresAt, payload.Nonce);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        var buffer = new byte[padded.Length];
        if (text.Length == 0 || !Convert.TryFromBase64String(padded, buffer, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = buffer[..written];
        return true;
    }

    private sealed record TokenPayload(string Id, ApprovalDecision Decision, string Role, long Exp, string Nonce);
}

internal static class TokenJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
