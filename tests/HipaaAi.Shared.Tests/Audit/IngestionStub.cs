using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WireMock.Server;
using WireMock.Settings;

namespace HipaaAi.Shared.Tests.Audit;

/// <summary>A token credential for tests; the stub checks that its token reaches the service.</summary>
internal sealed class FixedTokenCredential : TokenCredential
{
    public const string Token = "test-token-not-a-secret";

    public List<string[]> RequestedScopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (RequestedScopes)
        {
            RequestedScopes.Add(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(
        TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}

/// <summary>
/// The test transport: the pipeline (and so the bearer policy, which refuses plain http) sees the https endpoint;
/// this handler sends the request to the local plain-http stub. Azure.Core offers no switch to allow bearer tokens
/// over http, and the product must not have one.
/// </summary>
internal sealed class HttpsToLocalHttpHandler(int port) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var builder = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttp, Host = "127.0.0.1", Port = port };
        request.RequestUri = builder.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A WireMock Logs Ingestion endpoint on 127.0.0.1 that can be stopped and started on the same port.</summary>
internal sealed class IngestionStub : IDisposable
{
    public const string RuleId = "dcr-00000000000000000000000000000001";

    private readonly HttpClient transportClient;

    public IngestionStub()
    {
        Port = FreePort();
        transportClient = new HttpClient(new HttpsToLocalHttpHandler(Port));
        Start();
    }

    public int Port { get; }

    public WireMockServer? Server { get; private set; }

    public FixedTokenCredential Credential { get; } = new();

    public WireMockServer Start()
    {
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{Port}"],
            DisableRequestBodyDecompressing = true,
        });
        return Server;
    }

    public void Stop()
    {
        Server?.Stop();
        Server?.Dispose();
        Server = null;
    }

    public LogsIngestionAuditSink Sink(int maxRetries = 1, int maxBatchBytes = 1_000_000)
    {
        var options = new LogsIngestionOptions
        {
            Endpoint = new Uri("https://dce-audit.eastus-1.ingest.monitor.azure.com"),
            DataCollectionRuleId = RuleId,
            MaxRetries = maxRetries,
            MaxBatchBytes = maxBatchBytes,
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        };
        var clientOptions = LogsIngestionClientOptions.From(options);
        clientOptions.Transport = new HttpClientTransport(transportClient);
        return new LogsIngestionAuditSink(
            Options.Create(options), Credential, clientOptions, NullLogger<LogsIngestionAuditSink>.Instance);
    }

    /// <summary>The rows of every request the stub answered with 2xx, un-gzipped.</summary>
    public static List<JsonObject> AcceptedRows(IEnumerable<WireMock.Logging.ILogEntry> entries) =>
        entries
            .Where(entry => entry.ResponseMessage.StatusCode is int status && status is >= 200 and < 300)
            .SelectMany(entry => Gunzip(entry.RequestMessage.BodyAsBytes!).AsArray().Select(row => row!.AsObject()))
            .ToList();

    public static JsonNode Gunzip(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        return JsonNode.Parse(gzip)!;
    }

    public void Dispose()
    {
        Stop();
        transportClient.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
