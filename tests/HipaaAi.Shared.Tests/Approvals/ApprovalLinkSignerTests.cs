using System.Security.Cryptography;
using System.Text;
using HipaaAi.Shared.Approvals;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Approvals;

public sealed class ApprovalLinkSignerTests
{
    private const string ApprovalId = "0f3c9a5e2b7d4c1a8e6f0b9d3a2c7e15";

    private static readonly DateTimeOffset Now = new(2025, 5, 12, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ApprovalDecision.Approve, "RecordsReviewer")]
    [InlineData(ApprovalDecision.Reject, "Provider")]
    [InlineData(ApprovalDecision.EditAndApprove, "BillingReviewer")]
    public void Verify_TokenItSigned_ReturnsTheSignedClaims(ApprovalDecision decision, string role)
    {
        // Arrange
        var signer = Signer(out _);
        var token = signer.Sign(ApprovalId, decision, role, Now.AddHours(4));

        // Act
        var claims = signer.Verify(token, ApprovalId);

        // Assert
        Assert.Equal(ApprovalId, claims.ApprovalId);
        Assert.Equal(decision, claims.Decision);
        Assert.Equal(role, claims.Role);
        Assert.Equal(Now.AddHours(4), claims.ExpiresAt);
        Assert.Equal(32, claims.Nonce.Length);
    }

    [Fact]
    public void Sign_SameDecisionTwice_GivesDifferentNonces()
    {
        // Arrange
        var signer = Signer(out _);

        // Act
        var first = signer.Verify(signer.Sign(ApprovalId, ApprovalDecision.Approve, "Provider", Now.AddHours(1)), ApprovalId);
        var second = signer.Verify(signer.Sign(ApprovalId, ApprovalDecision.Approve, "Provider", Now.AddHours(1)), ApprovalId);

        // Assert
        Assert.NotEqual(first.Nonce, second.Nonce);
    }

    [Fact]
    public void Verify_AfterExpiry_RefusesAsExpired()
    {
        // Arrange
        var signer = Signer(out var clock);
        var token = signer.Sign(ApprovalId, ApprovalDecision.Approve, "Provider", Now.AddMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(30));

        // Act
        var failure = Assert.Throws<ApprovalTokenException>(() => signer.Verify(token, ApprovalId));

        // Assert
        Assert.Equal(ApprovalTokenFailure.Expired, failure.Failure);
    }

    [Fact]
    public void Verify_PayloadChangedToAnotherRole_RefusesAsBadSignature()
    {
        // Arrange
        var signer = Signer(out _);
        var token = signer.Sign(ApprovalId, ApprovalDecision.Approve, "RecordsReviewer", Now.AddHours(1));
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(FromBase64Url(parts[1])).Replace("RecordsReviewer", "Provider",
            StringComparison.Ordinal);
        var forged = $"{parts[0]}.{ToBase64Url(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        // Act
        var failure = Assert.Throws<ApprovalTokenException>(() => signer.Verify(forged, ApprovalId));

        // Assert
        Assert.Equal(ApprovalTokenFailure.BadSignature, failure.Failure);
    }

    [Fact]
    public void Verify_SignedWithAnotherKey_RefusesAsBadSignature()
    {
        // Arrange
        var signer = Signer(out _);
        var attacker = Signer(out _);
        var token = attacker.Sign(ApprovalId, ApprovalDecision.Approve, "Provider", Now.AddHours(1));

        // Act
        var failure = Assert.Throws<ApprovalTokenException>(() => signer.Verify(token, ApprovalId));

        // Assert
        Assert.Equal(ApprovalTokenFailure.BadSignature, failure.Failure);
    }

    [Fact]
    public void Verify_TokenOfAnotherApproval_RefusesAsWrongApproval()
    {
        // Arrange
        var signer = Signer(out _);
        var token = signer.Sign(ApprovalId, ApprovalDecision.Approve, "Provider", Now.AddHours(1));

        // Act
        var failure = Assert.Throws<ApprovalTokenException>(
            () => signer.Verify(token, "1111111111111111111111111111111a"));

        // Assert
        Assert.Equal(ApprovalTokenFailure.WrongApproval, failure.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.abc")]
    [InlineData("v2.e30.AAAA")]
    [InlineData("v1.!!!.AAAA")]
    [InlineData("not-a-token-at-all")]
    public void Verify_MalformedToken_RefusesAsMalformed(string token)
    {
        // Arrange
        var signer = Signer(out _);

        // Act
        var failure = Assert.Throws<ApprovalTokenException>(() => signer.Verify(token, ApprovalId));

        // Assert
        Assert.Equal(ApprovalTokenFailure.Malformed, failure.Failure);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64 at all")]
    public void Constructor_MissingOrWeakKey_Throws(string? key)
    {
        // Arrange
        var options = Options.Create(new ApprovalOptions { LinkSigningKey = key });

        // Act
        var failure = Record.Exception(() => new ApprovalLinkSigner(options, TimeProvider.System));

        // Assert
        Assert.IsType<InvalidOperationException>(failure);
        Assert.DoesNotContain(key ?? "<none>", failure.Message, StringComparison.Ordinal);
    }

    internal static ApprovalLinkSigner Signer(out ManualClock clock)
    {
        clock = new ManualClock(Now);
        var options = Options.Create(new ApprovalOptions
        {
            LinkSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        return new ApprovalLinkSigner(options, clock);
    }

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    private static string ToBase64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
