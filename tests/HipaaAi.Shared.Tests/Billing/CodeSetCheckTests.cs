using HipaaAi.Shared.Billing;
using static HipaaAi.Shared.Tests.Billing.BillingTestKit;

namespace HipaaAi.Shared.Tests.Billing;

public sealed class CodeSetCheckTests
{
    [Theory]
    [InlineData("M1711", true)]
    [InlineData("M17.11", true)]
    [InlineData("S52521A", true)]
    [InlineData("T1502XA", true)]
    [InlineData("U071", true)]
    [InlineData("I10", true)]
    [InlineData("1234", false)]
    [InlineData("M1", false)]
    [InlineData("M171112A", false)]
    [InlineData("MM711", false)]
    public void IsIcd10CmFormat_Code_MatchesShape(string code, bool expected)
    {
        // Act
        var valid = CodeFormats.IsIcd10CmFormat(code);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("S52521", "requires a 7th-character extension")]
    [InlineData("S52521Z", "not a defined extension")]
    [InlineData("S52521A", null)]
    [InlineData("T1502XD", null)]
    [InlineData("M1711", null)]
    public void SeventhCharacterProblem_Code_NamesTheProblem(string code, string? expected)
    {
        // Act
        var problem = CodeFormats.SeventhCharacterProblem(code);

        // Assert
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("99213", true)]
    [InlineData("3074F", true)]
    [InlineData("0042T", true)]
    [InlineData("J3301", true)]
    [InlineData("9921", false)]
    [InlineData("W1234", false)]
    [InlineData("992133", false)]
    public void IsCptOrHcpcsFormat_Code_MatchesShape(string code, bool expected)
    {
        // Act
        var valid = CodeFormats.IsCptOrHcpcsFormat(code);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Theory]
    [InlineData("M1711", "99213", new[] { 1 }, null)]
    [InlineData("M1711", "99213", new[] { 3 }, BillingRules.DiagnosisPointerInvalid)]
    [InlineData("M1711", "99213", new int[0], BillingRules.DiagnosisPointerMissing)]
    [InlineData("M17.1X", "99213", new[] { 1 }, BillingRules.Icd10Format)]
    [InlineData("S52521", "99213", new[] { 1 }, BillingRules.Icd10SeventhCharacter)]
    [InlineData("M1711", "9921A", new[] { 1 }, BillingRules.ProcedureFormat)]
    public void Check_ProfessionalClaim_ReportsCodeSetProblems(string principal, string code, int[] pointers,
        string? expectedRule)
    {
        // Arrange
        var claim = Claim(Line(1, code) with { DiagnosisPointers = pointers }) with
        {
            Diagnoses = [new Diagnosis("ABK", principal, DiagnosisCodeSystem.Icd10Cm),
                new Diagnosis("ABF", "Z7901", DiagnosisCodeSystem.Icd10Cm)],
        };

        // Act
        var findings = new CodeSetCheck().Check(claim).ToList();

        // Assert
        if (expectedRule is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            var finding = Assert.Single(findings);
            Assert.Equal(expectedRule, finding.Rule);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.DoesNotContain("MEMBER123", finding.Evidence, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(2015, 9, 30, 0)]
    [InlineData(2015, 10, 1, 1)]
    public void Check_Icd9Qualifier_FlagsOnlyAfterTheIcd10Date(int year, int month, int day, int expectedCount)
    {
        // Arrange
        var date = new DateOnly(year, month, day);
        var claim = Claim(Line(1, "99213") with { ServiceDate = date }) with
        {
            ServiceDate = date,
            Diagnoses = [new Diagnosis("BK", "4019", DiagnosisCodeSystem.Icd9Cm)],
        };

        // Act
        var findings = new CodeSetCheck().Check(claim).Where(f => f.Rule == BillingRules.Icd9Qualifier).ToList();

        // Assert
        Assert.Equal(expectedCount, findings.Count);
    }
}
