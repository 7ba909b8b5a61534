using HipaaAi.Shared.Understanding;

namespace HipaaAi.Shared.Tests.Understanding;

public sealed class FieldValidatorsTests
{
    [Theory]
    [InlineData("1234567893", true, null)]
    [InlineData("2000000002", true, null)]
    [InlineData("1234567890", false, "NPI check digit does not match")]
    [InlineData("2000000003", false, "NPI check digit does not match")]
    [InlineData("123456789", false, "NPI must be exactly 10 digits")]
    [InlineData("12345678931", false, "NPI must be exactly 10 digits")]
    [InlineData("12345678AB", false, "NPI must be exactly 10 digits")]
    [InlineData("3234567893", false, "NPI must start with 1 or 2")]
    [InlineData("", false, "NPI must be exactly 10 digits")]
    public void Npi_Values_ChecksLengthPrefixAndLuhnDigit(string value, bool expectedValid, string? expectedProblem)
    {
        // Act
        var result = FieldValidators.Npi(value);

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
        Assert.Equal(expectedProblem, result.Problem);
    }

    [Theory]
    [InlineData("123456789", 3)]
    [InlineData("200000000", 2)]
    public void NpiCheckDigit_NineDigits_ComputesLuhnOverThe80840Prefix(string firstNine, int expected)
    {
        // Act
        var digit = FieldValidators.NpiCheckDigit(firstNine);

        // Assert
        Assert.Equal(expected, digit);
    }

    [Theory]
    [InlineData("S72.001A", true)]
    [InlineData("W19.XXXA", true)]
    [InlineData("M1A.0710", true)]
    [InlineData("E11.9", true)]
    [InlineData("E11.65", true)]
    [InlineData("I10", true)]
    [InlineData("C4A.9", true)]
    [InlineData("11.9", false)]
    [InlineData("E1", false)]
    [InlineData("E11.", false)]
    [InlineData("E11.12345", false)]
    [InlineData("EE1.9", false)]
    [InlineData("e11.9", false)]
    [InlineData("S72-001A", false)]
    [InlineData("", false)]
    public void Icd10Cm_Values_ChecksShapeIncludingSeventhCharacter(string value, bool expectedValid)
    {
        // Act
        var result = FieldValidators.Icd10Cm(value);

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
        Assert.Equal(expectedValid, result.Problem is null);
    }

    [Theory]
    [InlineData("99213", true)]
    [InlineData("3044F", true)]
    [InlineData("0591T", true)]
    [InlineData("0001U", true)]
    [InlineData("E0601", true)]
    [InlineData("J1885", true)]
    [InlineData("G0439", true)]
    [InlineData("V2020", true)]
    [InlineData("W1234", false)]
    [InlineData("9921", false)]
    [InlineData("992134", false)]
    [InlineData("3044X", false)]
    [InlineData("J188", false)]
    [InlineData("j1885", false)]
    public void CptOrHcpcs_Values_AcceptsCptAndHcpcsLevelTwoShapes(string value, bool expectedValid)
    {
        // Act
        var result = FieldValidators.CptOrHcpcs(value);

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-04-31", false)]
    [InlineData("04/01/2024", false)]
    public void Date_IsoValues_AcceptsOnlyRealCalendarDates(string value, bool expectedValid)
    {
        // Act
        var result = FieldValidators.Date(value);

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
    }

    [Theory]
    [InlineData("1980-07-14", true, null)]
    [InlineData("2025-06-02", true, null)]
    [InlineData("2025-06-03", false, "date of birth is in the future")]
    [InlineData("1880-01-01", false, "date of birth is more than 130 years ago")]
    [InlineData("1980-02-30", false, "date of birth is not a real calendar date")]
    public void DateOfBirth_Values_RejectsFutureAndImpossibleDates(string value, bool expectedValid, string? expectedProblem)
    {
        // Act
        var result = FieldValidators.DateOfBirth(value, new DateOnly(2025, 6, 2));

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
        Assert.Equal(expectedProblem, result.Problem);
    }

    [Theory]
    [InlineData("MR1527055", null, true)]
    [InlineData("00482913", null, true)]
    [InlineData("E-1234567", null, true)]
    [InlineData("12-AB", null, false)]
    [InlineData("ABCD123456", null, false)]
    [InlineData("H12345", @"^H\d{5}$", true)]
    [InlineData("MR1527055", @"^H\d{5}$", false)]
    public void Mrn_Values_MatchesConfiguredPattern(string value, string? pattern, bool expectedValid)
    {
        // Act
        var result = FieldValidators.Mrn(value, pattern);

        // Assert
        Assert.Equal(expectedValid, result.IsValid);
    }
}
