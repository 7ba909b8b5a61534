using HipaaAi.Shared.Billing;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class PayerRuleCheckTests
{
    [Theory]
    [InlineData("00435", null, new[] { "97140" }, BillingRules.PayerModifierRequired)]
    [InlineData("00435", null, new[] { "97140:GP" }, null)]
    [InlineData("COMMERCIAL-SAMPLE", null, new[] { "72148" }, BillingRules.PayerPriorAuthRequired)]
    [InlineData("COMMERCIAL-SAMPLE", "AUTH77", new[] { "72148" }, null)]
    [InlineData("COMMERCIAL-SAMPLE", null, new[] { "99213", "99395" }, BillingRules.PayerPairForbidden)]
    [InlineData("COMMERCIAL-SAMPLE", null, new[] { "99213" }, null)]
    [InlineData("UNLISTED-PAYER", null, new[] { "72148", "97140" }, null)]
    public void Check_ExamplePayerRules_ReportsPayerRequirements(string payerId, string? priorAuth, string[] lines,
        string? rule)
    {
        // Arrange
        var claim = Claim(payerId, priorAuth, [.. lines.Select((spec, i) =>
        {
            var parts = spec.Split(':');
            return Line(i + 1, parts[0], parts[1..]);
        })]);
        var check = new PayerRuleCheck(BillingResources.LoadExamplePayerRules());

        // Act
        var findings = check.Check(claim).ToList();

        // Assert
        if (rule is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Equal(rule, Assert.Single(findings).Rule);
        }
    }

    [Fact]
    public void Check_LineLevelPriorAuthorization_SatisfiesTheRule()
    {
        // Arrange
        var claim = Claim(Line(1, "70551") with { PriorAuthorization = "LINEAUTH" });
        var check = new PayerRuleCheck(BillingResources.LoadExamplePayerRules());

        // Act
        var findings = check.Check(claim);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Load_PayerIdListedTwice_Throws()
    {
        // Arrange
        var json = """{"payers":[{"payerIds":["A"],"name":"one"},{"payerIds":["a"],"name":"two"}]}""";

        // Act
        var error = Assert.Throws<FormatException>(() =>
            PayerRules.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));

        // Assert
        Assert.Contains("two", error.Message, StringComparison.Ordinal);
    }
}
