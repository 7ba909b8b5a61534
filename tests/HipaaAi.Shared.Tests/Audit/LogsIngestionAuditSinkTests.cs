using HipaaAi.Shared.Audit;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HipaaAi.Shared.Tests.Audit.AuditTestKit;

namespace HipaaAi.Shared.Tests.Audit;

public sealed class LogsIngestionAuditSinkTests : IDisposable
{
    private const string RecordsPath =
        "/dataCollectionRules/" + IngestionStub.RuleId + "/streams/Custom-AuditRecordsIntake_CL";

    private readonly IngestionStub stub = new();

    public void Dispose() => stub.Dispose();

    private void Answer(int status) =>
        stub.Server!.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    [Fact]
    public async Task WriteAsync_Accepted_PostsGzippedRowsToWorkflowStreamWithBearerToken()
    {
        // Arrange
        Answer(204);
        var sink = stub.Sink();

        // Act
        await sink.WriteAsync(Events(1, 3), CancellationToken.None);

        // Assert
        var entry = Assert.Single(stub.Server!.LogEntries);
        Assert.Equal(RecordsPath, entry.RequestMessage.Path);
        Assert.Equal("2023-01-01", entry.RequestMessage.Query!["api-version"].Single());
        Assert.Equal("Bearer " + FixedTokenCredential.Token, entry.RequestMessage.Headers!["Authorization"].Single());
        Assert.Equal("gzip", entry.RequestMessage.Headers!["Content-Encoding"].Single());
        Assert.Equal(["https://monitor.azure.com//.default"], stub.Credential.RequestedScopes[0]);
        var rows = IngestionStub.AcceptedRows(stub.Server.LogEntries);
        Assert.Equal(["doc-0001", "doc-0002", "doc-0003"], rows.Select(row => row["Subject"]!.GetValue<string>()));
        Assert.Equal("2026-12-01T09:01:00.0000000Z", rows[0]["TimeGenerated"]!.GetValue<string>());
        Assert.Equal(121d, rows[0]["DurationMs"]!.GetValue<double>());
    }

    [Fact]
    public async Task WriteAsync_EventsOfTwoWorkflows_PostsToEachWorkflowStream()
    {
        // Arrange
        Answer(204);
        var sink = stub.Sink();

        // Act
        await sink.WriteAsync([Event(1), Event(2, Workflow.BillingReview)], CancellationToken.None);

        // Assert
        Assert.Equal(
            ["Custom-AuditBillingReview_CL", "Custom-AuditRecordsIntake_CL"],
            stub.Server!.LogEntries.Select(entry => entry.RequestMessage.Path.Split('/')[^1]).Order());
    }

    [Fact]
    public async Task WriteAsync_TooManyRequestsWithRetryAfter_WaitsAndRetries()
    {
        // Arrange
        stub.Server!.Given(Request.Create().UsingPost()).InScenario("throttle").WillSetStateTo("throttled")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        stub.Server.Given(Request.Create().UsingPost()).InScenario("throttle").WhenStateIs("throttled")
            .RespondWith(Response.Create().WithStatusCode(204));
        var sink = stub.Sink(maxRetries: 2);
        var started = DateTimeOffset.UtcNow;

        // Act
        await sink.WriteAsync(Events(1, 1), CancellationToken.None);

        // Assert
        Assert.Equal([429, 204], stub.Server.LogEntries.Select(entry => (int)entry.ResponseMessage.StatusCode!));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "Retry-After was not honoured.");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(503)]
    public async Task WriteAsync_ErrorStatusAfterRetries_ThrowsWithAllEventsUndelivered(int status)
    {
        // Arrange
        Answer(status);
        var sink = stub.Sink(maxRetries: 1);
        var events = Events(1, 2);

        // Act
        var error = await Assert.ThrowsAsync<AuditDeliveryException>(
            () => sink.WriteAsync(events, CancellationToken.None));

        // Assert
        Assert.Equal(status, error.Status);
        Assert.Equal(events, error.Undelivered);
        Assert.DoesNotContain("doc-0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ConnectionRefused_ThrowsWithStatusZero()
    {
        // Arrange
        stub.Stop();
        var sink = stub.Sink(maxRetries: 1);

        // Act
        var error = await Assert.ThrowsAsync<AuditDeliveryException>(
            () => sink.WriteAsync(Events(1, 1), CancellationToken.None));

        // Assert
        Assert.Equal(0, error.Status);
        Assert.Single(error.Undelivered);
    }

    [Fact]
    public async Task WriteAsync_RowsOverBatchLimit_SplitsIntoArraysUnderTheLimit()
    {
        // Arrange
        Answer(204);
        var sink = stub.Sink(maxBatchBytes: 2048);

        // Act
        await sink.WriteAsync(Events(1, 20), CancellationToken.None);

        // Assert
        var bodies = stub.Server!.LogEntries.Select(entry => IngestionStub.Gunzip(entry.RequestMessage.BodyAsBytes!))
            .ToList();
        Assert.True(bodies.Count > 1);
        Assert.All(bodies, body => Assert.True(System.Text.Encoding.UTF8.GetByteCount(body.ToJsonString()) <= 2048));
        Assert.Equal(20, IngestionStub.AcceptedRows(stub.Server.LogEntries).Count);
    }

    [Fact]
    public async Task WriteAsync_SecondBatchFails_ReportsOnlyItsEventsUndelivered()
    {
        // Arrange
        stub.Server!.Given(Request.Create().UsingPost()).InScenario("half").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(204));
        stub.Server.Given(Request.Create().UsingPost()).InScenario("half").WhenStateIs("down")
            .RespondWith(Response.Create().WithStatusCode(500));
        var sink = stub.Sink(maxRetries: 0, maxBatchBytes: 2048);
        var events = Events(1, 20);

        // Act
        var error = await Assert.ThrowsAsync<AuditDeliveryException>(
            () => sink.WriteAsync(events, CancellationToken.None));

        // Assert
        var delivered = IngestionStub.AcceptedRows(stub.Server.LogEntries).Count;
        Assert.InRange(delivered, 1, 19);
        Assert.Equal(events.Skip(delivered), error.Undelivered);
    }

    [Fact]
    public void Constructor_EndpointNotHttps_ThrowsNamingTheSetting()
    {
        // Arrange
        var options = new LogsIngestionOptions
        {
            Endpoint = new Uri("http://dce.example"),
            DataCollectionRuleId = "dcr-1",
        };

        // Act
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            new LogsIngestionAuditSink(Microsoft.Extensions.Options.Options.Create(options), stub.Credential,
                LogsIngestionClientOptions.From(options),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<LogsIngestionAuditSink>.Instance));

        // Assert
        Assert.Contains("Audit:LogsIngestion:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
