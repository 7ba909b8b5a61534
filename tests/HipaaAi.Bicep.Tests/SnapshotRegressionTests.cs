namespace HipaaAi.Bicep.Tests;

[Collection(BicepTemplates.Name)]
public sealed class SnapshotRegressionTests(BicepFixture bicep)
{
    public static TheoryData<string> Environments => new(BicepFixture.Environments);

    /// <summary>
    /// An infrastructure change must be deliberate: re-record with HIPAA_RECORD_SNAPSHOTS=1 (docs/deploy.md) and
    /// let the review see the snapshot diff.
    /// </summary>
    [Theory]
    [MemberData(nameof(Environments))]
    public void Snapshot_Environment_MatchesCommittedSnapshot(string environment)
    {
        // Arrange
        var committed = Path.Combine(BicepCli.SourceFolder, "snapshots", $"main.{environment}.snapshot.json");

        // Act
        var validation = bicep.SnapshotValidations[environment];

        // Assert
        Assert.True(File.Exists(committed), $"{committed} is missing; record it with {BicepFixture.RecordVariable}=1.");
        Assert.True(bicep.Recorded || validation.ExitCode == 0, validation.ToString());
    }
}
