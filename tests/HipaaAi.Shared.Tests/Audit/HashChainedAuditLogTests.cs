using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipaaAi.Shared.Audit;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class HashChainedAuditLogTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualTimeProvider time = new(Start);

    private static readonly JsonSerializerOptions RelaxedJson =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WriteAsync_ThreeEvents_WritesOneJsonLinePerEventWithDocumentedHash()
    {
        // Arrange
        var log = Log(Store(folder.Path, time));

        // Act
        await log.WriteAsync(Events(1, 3), CancellationToken.None);

        // Assert
        var lines = File.ReadAllLines(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12"));
        Assert.Equal(3, lines.Length);
        var previous = new string('0', 64);
        for (var index = 0; index < lines.Length; index++)
        {
            var node = JsonNode.Parse(lines[index])!.AsObject();
            Assert.Equal(index + 1, node["seq"]!.GetValue<long>());
            Assert.Equal(previous, node["prev"]!.GetValue<string>());
            var body = new JsonObject
            {
                ["seq"] = node["seq"]!.DeepClone(),
                ["recordedAt"] = node["recordedAt"]!.DeepClone(),
                ["event"] = node["event"]!.DeepClone(),
            };
            var expected = Convert.ToHexStringLower(
                SHA256.HashData(Encoding.UTF8.GetBytes(previous + "\n" + body.ToJsonString(RelaxedJson))));
            Assert.Equal(expected, node["hash"]!.GetValue<string>());
            previous = expected;
        }

        Assert.Equal("RecordsIntake", JsonNode.Parse(lines[0])!["event"]!["workflow"]!.GetValue<string>());
    }

    [Fact]
    public async Task WriteAsync_EventsOfTwoWorkflows_GoToSeparateChains()
    {
        // Arrange
        var log = Log(Store(folder.Path, time));
        var events = new[] { Event(1), Event(2, Workflow.Dictation), Event(3) };

        // Act
        await log.WriteAsync(events, CancellationToken.None);

        // Assert
        Assert.Equal(2, File.ReadAllLines(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12")).Length);
        Assert.Single(File.ReadAllLines(SegmentFile(folder.Path, Workflow.Dictation, "2026-12")));
    }

    [Fact]
    public async Task WriteAsync_AfterRestart_ContinuesSequenceAndHashChain()
    {
        // Arrange
        await Log(Store(folder.Path, time)).WriteAsync(Events(1, 4), CancellationToken.None);
        var restarted = Store(folder.Path, time);

        // Act
        var appended = await Log(restarted).AppendAsync(Workflow.RecordsIntake, Events(5, 2), CancellationToken.None);

        // Assert
        Assert.Equal([5L, 6L], appended.Select(record => record.Sequence));
        var verification = await Reader(restarted).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);
        Assert.True(verification.IsIntact);
        Assert.Equal(6, verification.RecordsVerified);
    }

    [Fact]
    public async Task WriteAsync_NewMonth_StartsNewSegmentLinkedToPreviousOne()
    {
        // Arrange
        var store = Store(folder.Path, time);
        await Log(store).WriteAsync(Events(1, 2), CancellationToken.None);
        time.Now = new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero);

        // Act
        var appended = await Log(store).AppendAsync(Workflow.RecordsIntake, Events(3, 1), CancellationToken.None);

        // Assert
        Assert.True(File.Exists(SegmentFile(folder.Path, Workflow.RecordsIntake, "2027-01")));
        Assert.Equal(3, appended[0].Sequence);
        Assert.True((await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task WriteAsync_ClockWentBackAMonth_KeepsAppendingToNewestSegment()
    {
        // Arrange
        var store = Store(folder.Path, time);
        await Log(store).WriteAsync(Events(1, 2), CancellationToken.None);
        time.Now = Start.AddMonths(-1);

        // Act
        await Log(store).WriteAsync(Events(3, 1), CancellationToken.None);

        // Assert
        Assert.False(File.Exists(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-11")));
        Assert.Equal(3, File.ReadAllLines(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12")).Length);
    }

    [Fact]
    public async Task WriteAsync_ParallelWritersInOneProcess_KeepOneValidChain()
    {
        // Arrange
        var store = Store(folder.Path, time);
        var log = Log(store);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
            {
                await log.WriteAsync(Events((writer * 100) + (batch * 2), 2), CancellationToken.None);
            }
        })));

        // Assert
        var verification = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);
        Assert.True(verification.IsIntact);
        Assert.Equal(160, verification.RecordsVerified);
    }

    [Fact]
    public async Task WriteAsync_WritersWithSeparateStoresLikeSeparateProcesses_KeepOneValidChain()
    {
        // Arrange: separate stores share nothing in memory, so only the file lock keeps them apart.
        var stores = Enumerable.Range(0, 4).Select(_ => Store(folder.Path, time)).ToList();

        // Act
        await Task.WhenAll(stores.Select((store, writer) => Task.Run(async () =>
        {
            for (var batch = 0; batch < 15; batch++)
            {
                await Log(store).WriteAsync(Events((writer * 100) + batch, 1), CancellationToken.None);
            }
        })));

        // Assert
        var verification = await Reader(stores[0]).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);
        Assert.True(verification.IsIntact);
        Assert.Equal(60, verification.RecordsVerified);
    }

    [Fact]
    public async Task WriteAsync_LockHeldByAnotherHandleBeyondTimeout_ThrowsAuditChainException()
    {
        // Arrange
        var store = Store(folder.Path, time, TimeSpan.FromMilliseconds(300));
        await Log(store).WriteAsync(Events(1, 1), CancellationToken.None);
        var lockPath = Path.Combine(folder.Path, "records-intake", ".lock");
        using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        // Act
        var error = await Assert.ThrowsAsync<AuditChainException>(
            () => Log(store).WriteAsync(Events(2, 1), CancellationToken.None));

        // Assert
        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12")));
    }

    [Fact]
    public async Task WriteAsync_LockReleasedWhileWaiting_WritesAfterRelease()
    {
        // Arrange
        var store = Store(folder.Path, time);
        Directory.CreateDirectory(Path.Combine(folder.Path, "records-intake"));
        var held = new FileStream(Path.Combine(folder.Path, "records-intake", ".lock"), FileMode.OpenOrCreate,
            FileAccess.ReadWrite, FileShare.None);

        // Act
        var write = Log(store).WriteAsync(Events(1, 1), CancellationToken.None);
        await Task.Delay(150);
        var finishedWhileHeld = write.IsCompleted;
        await held.DisposeAsync();
        await write;

        // Assert
        Assert.False(finishedWhileHeld);
        Assert.Single(File.ReadAllLines(SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12")));
    }

    [Fact]
    public async Task WriteAsync_CutOffFinalLineFromCrash_RemovesItAndContinuesChain()
    {
        // Arrange
        var store = Store(folder.Path, time);
        await Log(store).WriteAsync(Events(1, 3), CancellationToken.None);
        var path = SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12");
        await File.AppendAllTextAsync(path, "{\"seq\":4,\"recordedAt\":\"2026-12-01T09:00");

        // Act
        var appended = await Log(Store(folder.Path, time))
            .AppendAsync(Workflow.RecordsIntake, Events(10, 1), CancellationToken.None);

        // Assert
        Assert.Equal(4, appended[0].Sequence);
        Assert.Equal(4, File.ReadAllLines(path).Length);
        Assert.True((await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task WriteAsync_CompleteFinalLineMissingOnlyItsNewline_KeepsTheRecord()
    {
        // Arrange
        var store = Store(folder.Path, time);
        await Log(store).WriteAsync(Events(1, 2), CancellationToken.None);
        var path = SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12");
        var content = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, content.TrimEnd('\n'));

        // Act
        var appended = await Log(store).AppendAsync(Workflow.RecordsIntake, Events(3, 1), CancellationToken.None);

        // Assert
        Assert.Equal(3, appended[0].Sequence);
        Assert.True((await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None)).IsIntact);
    }

    [Fact]
    public async Task AppendAsync_EventOfAnotherWorkflow_ThrowsArgumentException()
    {
        // Arrange
        var log = Log(Store(folder.Path, time));

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() =>
            log.AppendAsync(Workflow.RecordsIntake, [Event(1, Workflow.BillingReview)], CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_RootPathMissing_ThrowsNamingTheSetting()
    {
        // Arrange
        var log = Log(Store(" ", time));

        // Act
        var error = await Assert.ThrowsAsync<AuditChainException>(
            () => log.WriteAsync(Events(1, 1), CancellationToken.None));

        // Assert
        Assert.Contains("Audit:Local:RootPath", error.Message, StringComparison.Ordinal);
    }
}
