using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Tests.TestFiles;

namespace HipaaAi.Shared.Tests.PriorAuthorization;

public sealed class PayerCriteriaCatalogTests
{
    [Fact]
    public void Find_TwoVersionsInEffect_ReturnsTheNewestInEffectOnTheRequestDate()
    {
        // Arrange
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("v1.json"), SyntheticPriorAuthCase.CriteriaJson(1, "2025-01-01"));
        File.WriteAllText(folder.File("v2.json"), SyntheticPriorAuthCase.CriteriaJson(2, "2026-01-01"));
        File.WriteAllText(folder.File("v3.json"), SyntheticPriorAuthCase.CriteriaJson(3, "2027-01-01"));
        var catalog = PayerCriteriaCatalog.LoadDirectory(folder.Path);

        // Act
        var in2025 = catalog.Find(SyntheticPriorAuthCase.Payer, SyntheticPriorAuthCase.Service, new DateOnly(2025, 6, 1));
        var in2026 = catalog.Find("example health plan", SyntheticPriorAuthCase.Service, new DateOnly(2026, 6, 1));

        // Assert
        Assert.Equal(1, in2025!.Version);
        Assert.Equal(2, in2026!.Version);
        Assert.Equal("Example Health Plan/examplumab-psoriasis/v2", in2026.Key);
    }

    [Theory]
    [InlineData("Other Payer", SyntheticPriorAuthCase.Service)]
    [InlineData(SyntheticPriorAuthCase.Payer, "another-drug")]
    public void Find_PayerOrServiceWithoutCriteria_ReturnsNothingRatherThanGuessing(string payer, string service)
    {
        // Arrange
        var catalog = new PayerCriteriaCatalog([SyntheticPriorAuthCase.Criteria()]);

        // Act
        var found = catalog.Find(payer, service, SyntheticPriorAuthCase.RequestDate);

        // Assert
        Assert.Null(found);
    }

    [Fact]
    public void Find_RequestBeforeTheFirstVersion_ReturnsNothing()
    {
        // Arrange
        var catalog = new PayerCriteriaCatalog([SyntheticPriorAuthCase.Criteria()]);

        // Act
        var found = catalog.Find(SyntheticPriorAuthCase.Payer, SyntheticPriorAuthCase.Service, new DateOnly(2024, 12, 31));

        // Assert
        Assert.Null(found);
    }

    [Theory]
    [InlineData(""", { "id": "broken", "text": "t", "kind": "Text" }""")]
    [InlineData(""", { "id": "broken", "text": "t", "kind": "StepTherapy", "drugs": [] }""")]
    [InlineData(""", { "id": "broken", "text": "t", "kind": "LabRange", "analyte": "ALT" }""")]
    [InlineData(""", { "id": "broken", "text": "t", "kind": "Text", "anyOf": [["(unclosed"]] }""")]
    public void LoadDirectory_IncompleteCriterion_FailsAtLoadNamingIt(string extra)
    {
        // Arrange
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("bad.json"), SyntheticPriorAuthCase.CriteriaJson(1, "2025-01-01", extra));

        // Act
        var failure = Record.Exception(() => PayerCriteriaCatalog.LoadDirectory(folder.Path));

        // Assert
        Assert.NotNull(failure);
        Assert.True(failure is InvalidDataException or ArgumentException, failure.GetType().Name);
    }

    [Fact]
    public void Constructor_SameVersionTwice_Refuses()
    {
        // Arrange
        var criteria = SyntheticPriorAuthCase.Criteria();

        // Act
        var failure = Record.Exception(() => new PayerCriteriaCatalog([criteria, criteria]));

        // Assert
        Assert.IsType<InvalidDataException>(failure);
    }

    [Fact]
    public void LoadDirectory_ShippedCriteria_LoadAndEachNamesItsSource()
    {
        // Arrange
        var shipped = Path.Combine(AppContext.BaseDirectory, "PriorAuthorization", "Config", "criteria");

        // Act
        var catalog = PayerCriteriaCatalog.LoadDirectory(shipped);

        // Assert
        Assert.NotEmpty(catalog.All);
        Assert.All(catalog.All, item => Assert.False(string.IsNullOrWhiteSpace(item.Source)));
    }
}
