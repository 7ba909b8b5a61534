using System.Text;
using System.Text.Json;
using HipaaAi.Shared.Approvals;

namespace HipaaAi.Shared.Tests.Approvals;

public sealed class AdaptiveCardBuilderTests
{
    private const string ApprovalId = "0f3c9a5e2b7d4c1a8e6f0b9d3a2c7e15";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Envelope_LargestRealisticCard_StaysWellUnderTheTeamsLimit(bool executeActions)
    {
        // Arrange: every limit at its maximum, real signed tokens in every link.
        var signer = ApprovalLinkSignerTests.Signer(out _);
        var content = Content(
            facts: [.. Enumerable.Range(1, AdaptiveCardBuilder.MaxFacts).Select(index => new ApprovalFact(
                new string('L', AdaptiveCardBuilder.MaxLabelLength), new string('v', AdaptiveCardBuilder.MaxValueLength)))],
            exceptions: [.. Enumerable.Range(1, AdaptiveCardBuilder.MaxExceptions)
                .Select(_ => new string('E', AdaptiveCardBuilder.MaxExceptionLength))],
            title: new string('T', AdaptiveCardBuilder.MaxTitleLength),
            signer: signer);

        // Act
        var envelope = AdaptiveCardBuilder.Envelope(AdaptiveCardBuilder.Build(content, executeActions));

        // Assert
        var bytes = Encoding.UTF8.GetByteCount(envelope);
        Assert.InRange(bytes, 2_000, 16 * 1024);
        Assert.True(bytes < 28 * 1024);
    }

    [Fact]
    public void Envelope_Card_IsTheTeamsWorkflowsMessageShape()
    {
        // Arrange
        var card = AdaptiveCardBuilder.Build(Content(), executeActions: false);

        // Act
        using var message = JsonDocument.Parse(AdaptiveCardBuilder.Envelope(card));

        // Assert
        var root = message.RootElement;
        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
        Assert.Equal("1.5", attachment.GetProperty("content").GetProperty("version").GetString());
    }

    [Fact]
    public void Build_WebhookCard_HasOpenUrlRecordLinkAndSignedDecisionLinksButNoSubmit()
    {
        // Arrange
        var content = Content();

        // Act
        var card = AdaptiveCardBuilder.Build(content, executeActions: false).ToJsonString();

        // Assert
        using var document = JsonDocument.Parse(card);
        var actions = document.RootElement.GetProperty("actions").EnumerateArray().ToList();
        Assert.All(actions, action => Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString()));
        Assert.Equal(["View record", "Approve", "Reject", "Edit and approve"],
            actions.Select(action => action.GetProperty("title").GetString()));
        Assert.Equal("https://records.example.internal/r/doc-1", actions[0].GetProperty("url").GetString());
        Assert.All(actions.Skip(1), action => Assert.Contains("/decision?token=v1.",
            action.GetProperty("url").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Action.Submit", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ExecuteActions_CarriesVerbDataAndASignedLinkFallback()
    {
        // Arrange
        var content = Content();

        // Act
        var card = AdaptiveCardBuilder.Build(content, executeActions: true);

        // Assert
        var approve = card["actions"]![1]!;
        Assert.Equal("Action.Execute", approve["type"]!.GetValue<string>());
        Assert.Equal(AdaptiveCardBuilder.ExecuteVerb, approve["verb"]!.GetValue<string>());
        Assert.Equal(ApprovalId, approve["data"]!["approvalId"]!.GetValue<string>());
        Assert.Equal("Approve", approve["data"]!["decision"]!.GetValue<string>());
        Assert.Equal("Action.OpenUrl", approve["fallback"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Build_FactsConfidenceAndExceptions_AreShownAndNothingElse()
    {
        // Arrange
        var content = Content();

        // Act
        var card = AdaptiveCardBuilder.Build(content, executeActions: false).ToJsonString();

        // Assert
        Assert.Contains("J. D*** (MRN ***4821)", card, StringComparison.Ordinal);
        Assert.Contains("Confidence: 62", card, StringComparison.Ordinal);
        Assert.Contains("PatientMismatch:page-4", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AdaptiveCardBuilder.MaxFacts + 1, 10, "TooManyFacts")]
    [InlineData(1, AdaptiveCardBuilder.MaxValueLength + 1, "FactValueTooLong")]
    public void Build_OverTheMinimumNecessaryLimits_Throws(int facts, int valueLength, string code)
    {
        // Arrange
        var content = Content(facts: [.. Enumerable.Range(1, facts)
            .Select(_ => new ApprovalFact("Label", new string('v', valueLength)))]);

        // Act
        var failure = Assert.Throws<ApprovalCardException>(() => AdaptiveCardBuilder.Build(content, false));

        // Assert
        Assert.Equal(code, failure.Code);
        Assert.DoesNotContain("vvvv", failure.Message, StringComparison.Ordinal);
    }

    private static ApprovalCardContent Content(
        IReadOnlyList<ApprovalFact>? facts = null,
        IReadOnlyList<string>? exceptions = null,
        string title = "Review a referral with a patient mismatch",
        ApprovalLinkSigner? signer = null)
    {
        signer ??= ApprovalLinkSignerTests.Signer(out _);
        var expires = new DateTimeOffset(2025, 5, 19, 9, 0, 0, TimeSpan.Zero);
        var actions = new[] { ApprovalDecision.Approve, ApprovalDecision.Reject, ApprovalDecision.EditAndApprove }
            .Select(decision =>
            {
                var token = signer.Sign(ApprovalId, decision, "RecordsReviewer", expires);
                return new ApprovalCardAction(decision, new Uri(
                    $"https://hipaaai-func.example.net/api/approvals/{ApprovalId}/decision?token={token}"), token);
            })
            .ToList();
        return new ApprovalCardContent(ApprovalId, title, "RecordsIntake", ApprovalKinds.RecordReview,
            facts ?? [new ApprovalFact("Document", "Referral, pages 3-5"), new ApprovalFact("Patient", "J. D*** (MRN ***4821)")],
            0.62, exceptions ?? ["PatientMismatch:page-4"], new Uri("https://records.example.internal/r/doc-1"), actions,
            null, expires);
    }
}
