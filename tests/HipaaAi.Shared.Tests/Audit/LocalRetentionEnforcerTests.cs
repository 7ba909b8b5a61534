using System.Text.Json;
using HipaaAi.Shared.Audit;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class LocalRetentionEnforcerTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualTimeProvider time = new(new DateTimeOffset(2019, 1, 10, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    /// <summary>Writes three events in each of January, February and March 2019.</summary>
    private async Task<AuditChainStore> WriteThreeMonthsAsync()
    {
        var store = Store(folder.Path, time);
        for (var month = 0; month < 3; month++)
        {
            time.Now = new DateTimeOffset(2019, 1 + month, 10, 0, 0, 0, TimeSpan.Zero);
            await Log(store).WriteAsync(Events(month * 3, 3), CancellationToken.None);
        }

        return store;
    }

    [Fact]
    public async Task PurgeExpiredAsync_TwoMonthsPastTotalRetention_RemovesThemAndRecordsThePurge()
    {
        // Arrange: 2190 days after the end of February 2019 is late February 2025.
        var store = await WriteThreeMonthsAsync();
        time.Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var result = await Enforcer(store).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(new RetentionPurgeResult(Workflow.RecordsIntake, 2, 6), result);
        Assert.False(File.Exists(SegmentFile(folder.Path, Workflow.RecordsIntake, "2019-01")));
        Assert.False(File.Exists(SegmentFile(folder.Path, Workflow.RecordsIntake, "2019-02")));
        Assert.True(File.Exists(SegmentFile(folder.Path, Workflow.RecordsIntake, "2019-03")));
        var purged = Assert.Single(await Reader(store).QueryAsync(
            new AuditQuery(Workflow.RecordsIntake) { Action = LocalRetentionEnforcer.PurgedAction }, CancellationToken.None));
        Assert.Equal(10, purged.Sequence);
        Assert.StartsWith("segments=2;records=6;through=2019-02;lastSequence=6;lastHash=", purged.Event.Detail,
            StringComparison.Ordinal);
        Assert.Equal("records-intake", purged.Event.RetentionClass);
    }

    [Fact]
    public async Task PurgeExpiredAsync_AfterPurge_RemainingChainStillVerifies()
    {
        // Arrange
        var store = await WriteThreeMonthsAsync();
        time.Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        await Enforcer(store).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);
        await Log(store).WriteAsync(Events(20, 1), CancellationToken.None);

        // Assert
        var verification = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);
        Assert.True(verification.IsIntact);
        Assert.Equal(5, verification.RecordsVerified);
    }

    [Fact]
    public async Task PurgeExpiredAsync_RemainingSegmentEditedAfterPurge_IsDetected()
    {
        // Arrange
        var store = await WriteThreeMonthsAsync();
        time.Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await Enforcer(store).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);
        var path = SegmentFile(folder.Path, Workflow.RecordsIntake, "2019-03");
        var lines = File.ReadAllLines(path);
        lines[0] = lines[0].Replace("doc-0006", "doc-0666", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        // Act
        var verification = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(7, verification.FirstBrokenSequence);
        Assert.Equal(ChainProblem.HashMismatch, verification.Problem);
    }

    [Fact]
    public async Task PurgeExpiredAsync_NothingOldEnough_RemovesNothingAndWritesNoEvent()
    {
        // Arrange
        var store = await WriteThreeMonthsAsync();
        time.Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var result = await Enforcer(store).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.SegmentsRemoved);
        var all = await Reader(store).QueryAsync(new AuditQuery(Workflow.RecordsIntake), CancellationToken.None);
        Assert.Equal(9, all.Count);
    }

    [Fact]
    public async Task PurgeExpiredAsync_ConfiguredLongerRetention_KeepsSegments()
    {
        // Arrange
        var store = await WriteThreeMonthsAsync();
        time.Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var options = new AuditRetentionOptions { RecordsIntake = new WorkflowRetentionOptions { TotalDays = 3650 } };

        // Act
        var result = await Enforcer(store, options).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(0, result.SegmentsRemoved);
    }

    [Fact]
    public async Task PurgeExpiredAsync_CheckpointWritten_HoldsLastSequenceAndHashOfPurgedSegments()
    {
        // Arrange
        var store = await WriteThreeMonthsAsync();
        var sixth = (await Reader(store).QueryAsync(new AuditQuery(Workflow.RecordsIntake), CancellationToken.None))[5];
        time.Now = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        await Enforcer(store).PurgeExpiredAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        using var checkpoint = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(folder.Path, "records-intake", "checkpoint.json")));
        Assert.Equal(6, checkpoint.RootElement.GetProperty("lastSequence").GetInt64());
        Assert.Equal(sixth.Hash, checkpoint.RootElement.GetProperty("lastHash").GetString());
        Assert.Equal("2019-02", checkpoint.RootElement.GetProperty("purgedThroughSegment").GetString());
    }
}
