using HipaaAi.Shared.Billing;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class NcciTests
{
    [Fact]
    public void LoadSamples_ShippedSubset_LoadsEveryRow()
    {
        // Act
        var ptp = BillingResources.LoadSamplePtp();
        var mue = BillingResources.LoadSampleMue();

        // Assert
        Assert.Equal(14, ptp.Count);
        Assert.Equal(14, mue.Count);
        Assert.Equal(new MueEdit("20610", 2, 1, "Anatomic Consideration"), mue.Find("20610"));
        Assert.Null(mue.Find("99999"));
    }

    [Theory]
    [InlineData("29881", "29877", "2024-03-01", 1)]
    [InlineData("29877", "29881", "2024-03-01", 1)]
    [InlineData("20611", "20610", "2024-03-01", 0)]
    [InlineData("20611", "20610", "2014-12-31", null)]
    [InlineData("11042", "97597", "2019-12-31", 1)]
    [InlineData("11042", "97597", "2020-01-01", null)]
    [InlineData("99213", "36415", "2024-03-01", null)]
    public void Find_PairAndDate_ReturnsTheEditInForce(string first, string second, string date, int? indicator)
    {
        // Arrange
        var ptp = BillingResources.LoadSamplePtp();

        // Act
        var edit = ptp.Find(first, second, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(indicator, edit?.ModifierIndicator);
    }

    [Fact]
    public void Load_CsvExportWithQuotes_ReadsRows()
    {
        // Arrange
        var csv = "\"Column 1\",\"Column 2\",\"*\",\"Effective Date\",\"Deletion Date\",\"Modifier\",\"Rationale\"\n" +
                  "\"45385\",\"45378\",\"\",\"20000101\",\"*\",\"1\",\"Standards, of practice\"\n";

        // Act
        var table = PtpEditTable.Load(new StringReader(csv));

        // Assert
        var edit = table.Find("45385", "45378", Visit);
        Assert.Equal("Standards, of practice", edit?.Rationale);
    }

    [Theory]
    [InlineData("29881\t29877\t\t20080101\t*\t7\tx", "modifier indicator")]
    [InlineData("29881\t29877\t\t2008-01-01\t*\t1\tx", "effective date")]
    public void Load_MalformedRow_ThrowsWithRowNumber(string row, string problem)
    {
        // Act
        var error = Assert.Throws<FormatException>(() => PtpEditTable.Load(new StringReader("header\n" + row)));

        // Assert
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20611", "", "20610", "", BillingRules.PtpNotBypassable, FindingSeverity.Error)]
    [InlineData("20611", "", "20610", "59", BillingRules.PtpModifierCannotBypass, FindingSeverity.Error)]
    [InlineData("97530", "", "97140", "", BillingRules.PtpModifierMissing, FindingSeverity.Error)]
    [InlineData("97530", "", "97140", "XS", BillingRules.PtpBypassed, FindingSeverity.Info)]
    [InlineData("97530", "", "97140", "59", BillingRules.PtpBypassed, FindingSeverity.Info)]
    public void Check_PtpPair_ReportsByModifierIndicator(string column1, string modifier1, string column2,
        string modifier2, string rule, FindingSeverity severity)
    {
        // Arrange
        var claim = Claim(Line(1, column1, Modifiers(modifier1)), Line(2, column2, Modifiers(modifier2)));
        var check = new NcciCheck(BillingResources.LoadSamplePtp(), MueTable.Empty, Clock);

        // Act
        var finding = Assert.Single(check.Check(claim));

        // Assert
        Assert.Equal(rule, finding.Rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Equal(2, finding.LineNumber);
        Assert.Contains($"{column1}/{column2}", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PtpPairOnDifferentDays_ReportsNothing()
    {
        // Arrange
        var claim = Claim(Line(1, "97530"), Line(2, "97140") with { ServiceDate = Visit.AddDays(1) });
        var check = new NcciCheck(BillingResources.LoadSamplePtp(), MueTable.Empty, Clock);

        // Act
        var findings = check.Check(claim);

        // Assert
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("20610", new[] { 2 }, null)]
    [InlineData("20610", new[] { 3 }, "per line (MAI 1")]
    [InlineData("20610", new[] { 2, 2 }, null)]
    [InlineData("99213", new[] { 1, 1 }, "per day (MAI 2")]
    [InlineData("96372", new[] { 2, 2 }, null)]
    [InlineData("96372", new[] { 3, 2 }, "per day (MAI 3")]
    public void Check_Units_AppliesMueByAdjudicationIndicator(string code, int[] units, string? expected)
    {
        // Arrange
        var lines = units.Select((count, i) => Line(i + 1, code, i % 2 == 0 ? "RT" : "LT") with { Units = count });
        var check = new NcciCheck(PtpEditTable.Empty, BillingResources.LoadSampleMue(), Clock);

        // Act
        var findings = check.Check(Claim([.. lines])).ToList();

        // Assert
        if (expected is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(BillingRules.MueExceeded, finding.Rule);
            Assert.Contains(expected, finding.Evidence, StringComparison.Ordinal);
        }
    }

    private static string[] Modifiers(string modifier) => modifier.Length == 0 ? [] : [modifier];
}
