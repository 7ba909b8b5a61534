using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using HipaaAi.Shared.Approvals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HipaaAi.Shared.Tests.Approvals;

public sealed class TeamsWebhookPosterTests : IDisposable
{
    private const string Signature = "sig=webhook-signature-do-not-log";

    private readonly WireMockServer _teams = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [$"http://127.0.0.1:{FreePort()}"],
    });

    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _teams.Stop();
        _teams.Dispose();
        _http.Dispose();
    }

    [Theory]
    [InlineData(202)]
    [InlineData(200)]
    public async Task PostAsync_TeamsAccepts_SendsTheEnvelopeAsJsonAndNeverLogsTheUrl(int status)
    {
        // Arrange
        _teams.Given(Request.Create().WithPath("/workflows/reviewers").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status));
        var logs = new CapturingLogger();
        var poster = Poster(logs);
        const string envelope = """{"type":"message","attachments":[]}""";

        // Act
        await poster.PostAsync(new ApprovalCardPost("a1", 1, "Initial", "records-reviewers", envelope), default);

        // Assert
        var received = Assert.Single(_teams.LogEntries);
        Assert.Equal(envelope, received.RequestMessage.Body);
        Assert.StartsWith("application/json", received.RequestMessage.Headers!["Content-Type"][0], StringComparison.Ordinal);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, message => Assert.DoesNotContain("signature", message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(413)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task PostAsync_TeamsRefuses_ThrowsWithTheStatusCodeOnly(int status)
    {
        // Arrange
        _teams.Given(Request.Create().WithPath("/workflows/reviewers").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status));
        var poster = Poster(new CapturingLogger());

        // Act
        var failure = await Assert.ThrowsAsync<TeamsPostException>(() =>
            poster.PostAsync(new ApprovalCardPost("a1", 1, "Initial", "records-reviewers", "{}"), default));

        // Assert
        Assert.Equal(status, failure.StatusCode);
        Assert.DoesNotContain("signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_GroupWithoutWebhook_ThrowsNamingTheSetting()
    {
        // Arrange
        var poster = Poster(new CapturingLogger());

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            poster.PostAsync(new ApprovalCardPost("a1", 1, "Escalation", "unknown-group", "{}"), default));

        // Assert
        Assert.Contains("Approvals:TeamsWebhooks", failure.Message, StringComparison.Ordinal);
    }

    private TeamsWebhookPoster Poster(CapturingLogger logs)
    {
        var options = Options.Create(new ApprovalOptions
        {
            TeamsWebhooks = { ["records-reviewers"] = new Uri($"{_teams.Url}/workflows/reviewers?{Signature}") },
        });
        return new TeamsWebhookPoster(_http, options, logs);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingLogger : ILogger<TeamsWebhookPoster>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Messages.Enqueue(formatter(state, exception));
    }
}
