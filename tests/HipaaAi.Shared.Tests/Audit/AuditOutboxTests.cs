using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class AuditOutboxTests : IDisposable
{
    private readonly IngestionStub stub = new();
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        stub.Dispose();
        folder.Dispose();
    }

    private FileAuditOutbox Outbox() => new(folder.Path, TimeProvider.System);

    private AuditOutboxDispatcher Dispatcher(LogsIngestionAuditSink sink) => new(
        Outbox(), sink, Options.Create(new AuditOutboxOptions()), NullLogger<AuditOutboxDispatcher>.Instance);

    private void Answer(int status) =>
        stub.Server!.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    [Fact]
    public async Task WriteAsync_SinkDownThenBack_EveryEventArrivesExactlyOnce()
    {
        // Arrange
        var ingestion = stub.Sink(maxRetries: 1);
        var sink = new OutboxedAuditSink(ingestion, Outbox(), NullLogger<OutboxedAuditSink>.Instance);
        Answer(503);

        // Act: three batches while the service answers 503, two while nothing listens at all.
        await sink.WriteAsync(Events(1, 3), CancellationToken.None);
        await sink.WriteAsync(Events(4, 2, Workflow.Dictation), CancellationToken.None);
        await sink.WriteAsync(Events(6, 1), CancellationToken.None);
        var failedWhileDown = stub.Server!.LogEntries.Count;
        stub.Stop();
        await sink.WriteAsync(Events(7, 2), CancellationToken.None);
        await sink.WriteAsync(Events(9, 2, Workflow.PriorAuthorization), CancellationToken.None);
        var storedWhileDown = (await Outbox().ListAsync(100, CancellationToken.None)).Count;

        stub.Start();
        Answer(204);
        var delivered = await Dispatcher(ingestion).DispatchOnceAsync(CancellationToken.None);
        var deliveredAgain = await Dispatcher(ingestion).DispatchOnceAsync(CancellationToken.None);

        // Assert
        Assert.True(failedWhileDown >= 6, "Each batch was tried (and retried) while the service was down.");
        Assert.Equal(5, storedWhileDown);
        Assert.Equal(5, delivered);
        Assert.Equal(0, deliveredAgain);
        var subjects = IngestionStub.AcceptedRows(stub.Server!.LogEntries)
            .Select(row => row["Subject"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(number => $"doc-{number:D4}"), subjects);
        Assert.Empty(await Outbox().ListAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_SinkUp_SendsDirectlyAndLeavesOutboxEmpty()
    {
        // Arrange
        Answer(204);
        var sink = new OutboxedAuditSink(stub.Sink(), Outbox(), NullLogger<OutboxedAuditSink>.Instance);

        // Act
        await sink.WriteAsync(Events(1, 2), CancellationToken.None);

        // Assert
        Assert.Equal(2, IngestionStub.AcceptedRows(stub.Server!.LogEntries).Count);
        Assert.Empty(await Outbox().ListAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task DispatchOnceAsync_SinkStillDown_KeepsEntries()
    {
        // Arrange
        await Outbox().AddAsync(Events(1, 2), CancellationToken.None);
        stub.Stop();

        // Act
        var delivered = await Dispatcher(stub.Sink(maxRetries: 0)).DispatchOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, delivered);
        Assert.Single(await Outbox().ListAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task DispatchOnceAsync_EntryPartlyDelivered_StoresOnlyTheRestAndDeliversItOnce()
    {
        // Arrange
        await Outbox().AddAsync(Events(1, 20), CancellationToken.None);
        stub.Server!.Given(Request.Create().UsingPost()).InScenario("half").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(204));
        stub.Server.Given(Request.Create().UsingPost()).InScenario("half").WhenStateIs("down")
            .RespondWith(Response.Create().WithStatusCode(500));
        var sink = stub.Sink(maxRetries: 0, maxBatchBytes: 2048);

        // Act
        await Dispatcher(sink).DispatchOnceAsync(CancellationToken.None);
        stub.Server.ResetMappings();
        Answer(204);
        await Dispatcher(sink).DispatchOnceAsync(CancellationToken.None);

        // Assert
        var subjects = IngestionStub.AcceptedRows(stub.Server.LogEntries).Select(row => row["Subject"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 20).Select(number => $"doc-{number:D4}"), subjects.Order());
        Assert.Empty(await Outbox().ListAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_StoredEntry_RoundTripsEveryField()
    {
        // Arrange
        var events = Events(1, 5);
        await Outbox().AddAsync(events, CancellationToken.None);
        var entry = Assert.Single(await Outbox().ListAsync(100, CancellationToken.None));

        // Act
        var read = await Outbox().ReadAsync(entry, CancellationToken.None);

        // Assert
        Assert.Equal(events, read);
    }
}
