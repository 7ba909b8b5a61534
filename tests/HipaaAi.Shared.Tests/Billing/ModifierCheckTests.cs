using HipaaAi.Shared.Billing;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class ModifierCheckTests
{
    [Theory]
    [InlineData(new[] { "99213", "20610:RT" }, BillingRules.Modifier25Missing, 1)]
    [InlineData(new[] { "99213:25", "20610:RT" }, null, null)]
    [InlineData(new[] { "99213", "85025" }, null, null)]
    [InlineData(new[] { "99214", "96372" }, BillingRules.Modifier25Missing, 1)]
    [InlineData(new[] { "20610" }, BillingRules.LateralityMissing, 1)]
    [InlineData(new[] { "20610:50" }, null, null)]
    [InlineData(new[] { "20610:LT:RT" }, BillingRules.ModifierConflict, 1)]
    [InlineData(new[] { "20610:50:RT" }, BillingRules.ModifierConflict, 1)]
    [InlineData(new[] { "71046:26:TC" }, BillingRules.ModifierConflict, 1)]
    [InlineData(new[] { "71046", "71046:26" }, BillingRules.GlobalAndComponent, 2)]
    [InlineData(new[] { "71046:26" }, null, null)]
    public void Check_Lines_ReportsModifierProblems(string[] lines, string? rule, int? lineNumber)
    {
        // Arrange
        var claim = Claim([.. lines.Select((spec, i) =>
        {
            var parts = spec.Split(':');
            return Line(i + 1, parts[0], parts[1..]);
        })]);
        var check = new ModifierCheck(Options(), Clock);

        // Act
        var findings = check.Check(claim).ToList();

        // Assert
        if (rule is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(rule, finding.Rule);
            Assert.Equal(lineNumber, finding.LineNumber);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
        }
    }

    [Fact]
    public void Check_ConfiguredPairedAnatomyCode_RequiresSide()
    {
        // Arrange
        var options = Options();
        options.PairedAnatomyCodes.Add("28285");
        var check = new ModifierCheck(options, Clock);

        // Act
        var finding = Assert.Single(check.Check(Claim(Line(1, "28285"))));

        // Assert
        Assert.Equal(BillingRules.LateralityMissing, finding.Rule);
    }
}
