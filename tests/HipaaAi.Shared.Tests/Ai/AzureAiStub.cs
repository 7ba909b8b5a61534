using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AccessToken = Azure.Core.AccessToken;
using TokenCredential = Azure.Core.TokenCredential;
using TokenRequestContext = Azure.Core.TokenRequestContext;
using HipaaAi.Shared.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Logging;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HipaaAi.Shared.Tests.Ai;

/// <summary>
/// A WireMock server on 127.0.0.1 that stands in for both Azure AI services, and a service provider wired exactly as
/// production (AddAzureDocumentAi) except for a fake credential, a capturing recorder and a loopback transport.
/// </summary>
internal sealed class AzureAiStub : IDisposable
{
    public const string Token = "stub-token-not-a-secret";

    public const string Deployment = "records-chat";

    private readonly ServiceProvider _provider;

    public AzureAiStub(Action<Dictionary<string, string?>>? configure = null)
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
        var port = new Uri(Server.Url!).Port;

        // The service endpoints stay https, as production requires; only the test transport below takes them to the
        // plain-http stub, so the bearer policy's TLS check is never switched off.
        Endpoint = new Uri($"https://127.0.0.1:{port}/");

        // Anything without the expected bearer token is refused, so a request that skipped auth shows up as a 401.
        Server.Given(Request.Create().UsingAnyMethod())
            .AtPriority(1000)
            .RespondWith(Response.Create().WithStatusCode(401)
                .WithBodyAsJson(new { error = new { code = "PermissionDenied", message = "no token" } }));

        var settings = new Dictionary<string, string?>
        {
            ["AzureAi:DocumentIntelligenceEndpoint"] = Endpoint.ToString(),
            ["AzureAi:OpenAiEndpoint"] = Endpoint.ToString(),
            ["AzureAi:ChatDeployment"] = Deployment,
            ["AzureAi:DocumentIntelligencePollInterval"] = "00:00:00.020",
            ["AzureAi:MaxRetries"] = "3",
            ["AzureAi:NetworkTimeout"] = "00:00:20",
        };
        configure?.Invoke(settings);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TokenCredential>(Credential);
        services.AddSingleton<IModelCallRecorder>(Recorder);
        services.AddAzureDocumentAi(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(AzureAiServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new LoopbackTlsHandler(port));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public WireMockServer Server { get; }

    public Uri Endpoint { get; }

    public FakeCredential Credential { get; } = new();

    public CapturingRecorder Recorder { get; } = new();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static IRequestBuilder Authorized(string path) =>
        Request.Create().WithPath(path).WithHeader("Authorization", $"Bearer {Token}");

    public IReadOnlyList<ILogEntry> Requests => [.. Server.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime)];

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Test-only transport: carries https requests for the stub's port over plain http; refuses the rest.
    /// </summary>
    private sealed class LoopbackTlsHandler(int port) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken token)
        {
            var uri = request.RequestUri!;
            if (uri.Scheme != Uri.UriSchemeHttps || uri.Host != "127.0.0.1" || uri.Port != port)
                throw new InvalidOperationException("The test transport only reaches the local stub.");

            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp }.Uri;
            return base.SendAsync(request, token);
        }
    }
}

/// <summary>A credential that hands out a fixed token and counts how often it was asked.</summary>
internal sealed class FakeCredential : TokenCredential
{
    private int _requests;

    public int Requests => _requests;

    public ConcurrentBag<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        foreach (var scope in requestContext.Scopes)
            Scopes.Add(scope);
        return new AccessToken(AzureAiStub.Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken token) =>
        ValueTask.FromResult(GetToken(requestContext, token));
}

/// <summary>Keeps every recorded model call.</summary>
internal sealed class CapturingRecorder : IModelCallRecorder
{
    private readonly ConcurrentQueue<ModelCall> _calls = new();

    public IReadOnlyList<ModelCall> Calls => [.. _calls];

    public void Record(ModelCall call) => _calls.Enqueue(call);
}
