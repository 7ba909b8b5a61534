using System.Text.Json.Nodes;
using HipaaAi.Shared.Audit;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class AuditTrailReaderTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ManualTimeProvider time = new(Start);

    public void Dispose() => folder.Dispose();

    private string SegmentPath => SegmentFile(folder.Path, Workflow.RecordsIntake, "2026-12");

    private async Task<AuditChainStore> WriteTenAsync()
    {
        var store = Store(folder.Path, time);
        await Log(store).WriteAsync(Events(1, 10), CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task VerifyAsync_UntouchedChain_IsIntact()
    {
        // Arrange
        var store = await WriteTenAsync();

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(new AuditChainVerification(Workflow.RecordsIntake, true, 10, null, null, null, null), result);
    }

    [Fact]
    public async Task VerifyAsync_EmptyWorkflow_IsIntactWithNoRecords()
    {
        // Arrange
        var store = Store(folder.Path, time);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.Dictation, CancellationToken.None);

        // Assert
        Assert.True(result.IsIntact);
        Assert.Equal(0, result.RecordsVerified);
    }

    [Fact]
    public async Task VerifyAsync_EditedEventField_ReportsHashMismatchAtThatSequence()
    {
        // Arrange
        var store = await WriteTenAsync();
        var lines = File.ReadAllLines(SegmentPath);
        lines[3] = lines[3].Replace("\"outcome\":\"Succeeded\"", "\"outcome\":\"Failed\"", StringComparison.Ordinal);
        File.WriteAllLines(SegmentPath, lines);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(ChainProblem.HashMismatch, result.Problem);
        Assert.Equal("2026-12", result.Segment);
        Assert.Equal(4, result.Line);
        Assert.Equal(3, result.RecordsVerified);
    }

    [Fact]
    public async Task VerifyAsync_EditedLineWithItsHashRecomputed_ReportsBrokenLinkOnTheNextSequence()
    {
        // Arrange: a careful forger recomputes the edited line's own hash, but cannot fix the line after it.
        var store = await WriteTenAsync();
        var lines = File.ReadAllLines(SegmentPath);
        var node = JsonNode.Parse(lines[5])!.AsObject();
        node["event"]!["subject"] = "doc-9999";
        var forged = ChainJson.TryParse(node.ToJsonString())!;
        var rehashed = forged with
        {
            Hash = ChainJson.ComputeHash(forged.PreviousHash, forged.Sequence, forged.RecordedAt, forged.Event),
        };
        lines[5] = ChainJson.ToLine(rehashed);
        File.WriteAllLines(SegmentPath, lines);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(7, result.FirstBrokenSequence);
        Assert.Equal(ChainProblem.PreviousHashMismatch, result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_DeletedLine_ReportsTheMissingSequence()
    {
        // Arrange
        var store = await WriteTenAsync();
        var lines = File.ReadAllLines(SegmentPath).ToList();
        lines.RemoveAt(4);
        File.WriteAllLines(SegmentPath, lines);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(5, result.FirstBrokenSequence);
        Assert.Equal(ChainProblem.SequenceMismatch, result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_SwappedLines_ReportsTheFirstOutOfPlaceSequence()
    {
        // Arrange
        var store = await WriteTenAsync();
        var lines = File.ReadAllLines(SegmentPath);
        (lines[6], lines[7]) = (lines[7], lines[6]);
        File.WriteAllLines(SegmentPath, lines);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(7, result.FirstBrokenSequence);
        Assert.Equal(ChainProblem.SequenceMismatch, result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_LineReplacedByGarbage_ReportsMalformed()
    {
        // Arrange
        var store = await WriteTenAsync();
        var lines = File.ReadAllLines(SegmentPath);
        lines[0] = "not json";
        File.WriteAllLines(SegmentPath, lines);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(1, result.FirstBrokenSequence);
        Assert.Equal(ChainProblem.Malformed, result.Problem);
    }

    [Fact]
    public async Task VerifyAsync_WholeOlderSegmentDeleted_ReportsBrokenSequence()
    {
        // Arrange
        var store = await WriteTenAsync();
        time.Now = Start.AddMonths(1);
        await Log(store).WriteAsync(Events(11, 2), CancellationToken.None);
        File.Delete(SegmentPath);

        // Act
        var result = await Reader(store).VerifyAsync(Workflow.RecordsIntake, CancellationToken.None);

        // Assert
        Assert.Equal(1, result.FirstBrokenSequence);
        Assert.Equal("2027-01", result.Segment);
        Assert.Equal(ChainProblem.SequenceMismatch, result.Problem);
    }

    public static TheoryData<AuditQuery, int[]> Queries => new()
    {
        { new AuditQuery(Workflow.RecordsIntake) { InstanceId = "inst-1" }, [1, 4, 7, 10] },
        { new AuditQuery(Workflow.RecordsIntake) { Subject = "doc-0003" }, [3] },
        { new AuditQuery(Workflow.RecordsIntake) { From = Start.AddMinutes(8) }, [8, 9, 10] },
        { new AuditQuery(Workflow.RecordsIntake) { From = Start.AddMinutes(2), To = Start.AddMinutes(4) }, [2, 3] },
        { new AuditQuery(Workflow.RecordsIntake) { Activity = "ReadPages", InstanceId = "inst-0" }, [3, 9] },
        { new AuditQuery(Workflow.RecordsIntake) { Action = "model.call" }, [6] },
        { new AuditQuery(Workflow.RecordsIntake) { Outcome = "failed" }, [5] },
        { new AuditQuery(Workflow.Dictation), [] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task QueryAsync_Filter_ReturnsMatchingEventsInChainOrder(AuditQuery query, int[] expectedNumbers)
    {
        // Arrange
        var store = Store(folder.Path, time);
        var events = Events(1, 10).Select(auditEvent => auditEvent.Subject switch
        {
            "doc-0005" => auditEvent with { Outcome = "Failed" },
            "doc-0006" => auditEvent with { Action = "model.call" },
            _ => auditEvent,
        }).ToList();
        await Log(store).WriteAsync(events, CancellationToken.None);

        // Act
        var records = await Reader(store).QueryAsync(query, CancellationToken.None);

        // Assert
        Assert.Equal(expectedNumbers.Select(number => $"doc-{number:D4}"), records.Select(r => r.Event.Subject));
    }

    [Fact]
    public async Task QueryAsync_FinalLineStillBeingWritten_LeavesItOut()
    {
        // Arrange
        var store = await WriteTenAsync();
        await File.AppendAllTextAsync(SegmentPath, "{\"seq\":11,");

        // Act
        var records = await Reader(store).QueryAsync(new AuditQuery(Workflow.RecordsIntake), CancellationToken.None);

        // Assert
        Assert.Equal(10, records.Count);
        Assert.Equal(10, records[^1].Sequence);
    }
}
