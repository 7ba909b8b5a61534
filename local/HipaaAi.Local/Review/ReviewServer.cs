using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipaaAi.Local.Hosting;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Review;

/// <summary>
/// Where the local review page listens and the settings the approvals need for it: decision links that point at it
/// and a link-signing key kept in the local state folder (so links survive a restart of the host).
/// </summary>
public sealed record ReviewEndpoint(int Port)
{
    public Uri PageUrl => new($"http://127.0.0.1:{Port}/");

    public Uri DecisionBaseUrl => new($"http://127.0.0.1:{Port}/api/approvals");

    /// <summary>Reserves a loopback port (0 = any free one).</summary>
    public static ReviewEndpoint Reserve(int port = 0)
    {
        if (port != 0)
        {
            return new ReviewEndpoint(port);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new ReviewEndpoint(((IPEndPoint)listener.LocalEndpoint).Port);
    }

    /// <summary>The configuration the local session needs so cards link to this page.</summary>
    public IDictionary<string, string?> Settings(LocalPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);

        return new Dictionary<string, string?>
        {
            [$"{ApprovalOptions.Section}:Channel"] = ApprovalChannels.Local,
            [$"{ApprovalOptions.Section}:DecisionBaseUrl"] = DecisionBaseUrl.AbsoluteUri,
            [$"{ApprovalOptions.Section}:LinkSigningKey"] = LocalKeys.ApprovalLinkKey(paths),
        };
    }
}

/// <summary>
/// The local review page on Kestrel, bound to 127.0.0.1 only. Its decisions go through the same
/// <see cref="ApprovalDecisionService"/> as the Functions endpoint, with the local reviewer as the actor.
/// </summary>
public sealed class ReviewServer : IAsyncDisposable
{
    public const string LocalChannel = "local-review";

    private readonly WebApplication _app;

    private ReviewServer(WebApplication app) => _app = app;

    public static async Task<ReviewServer> StartAsync(
        IServiceProvider services,
        LocalPaths paths,
        ReviewEndpoint endpoint,
        string reviewerId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(endpoint);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, endpoint.Port));
        var app = builder.Build();

        var store = services.GetRequiredService<ApprovalStore>();
        var decisions = services.GetRequiredService<ApprovalDecisionService>();
        var client = services.GetRequiredService<DurableTaskClient>();
        var script = paths.AdaptiveCardsScript;

        app.MapGet("/", () => Results.Content(ReviewPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/adaptivecards.min.js", () => File.Exists(script)
            ? Results.File(script, "text/javascript")
            : Results.Problem("The Adaptive Cards renderer is not installed; run ./hipaa setup.", statusCode: 503));
        app.MapGet("/api/approvals", async (CancellationToken token) =>
        {
            var pending = await store.ListPendingAsync(token).ConfigureAwait(false);
            return Results.Json(pending.Select(record => new
            {
                approvalId = record.ApprovalId,
                workflow = record.Workflow.ToString(),
                kind = record.Kind,
                deadline = record.Deadline,
                card = JsonNode.Parse(record.CardJson),
            }));
        });
        app.MapPost("/api/approvals/{approvalId}/decision", async (string approvalId, HttpRequest request,
            CancellationToken token) =>
        {
            PageDecision? body;
            try
            {
                body = await request.ReadFromJsonAsync<PageDecision>(PageJson, token).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                body = null;
            }

            var answer = body is null
                ? new DecisionAnswer(DecisionStatus.Invalid, "The request body is not a decision.")
                : await decisions.DecideAsync(client,
                    new DecisionSubmission(approvalId, body.Decision, body.Comment, body.Token,
                        new ApprovalActor(reviewerId, []), LocalChannel),
                    token).ConfigureAwait(false);
            return Results.Json(new
            {
                status = answer.Status.ToString(),
                message = answer.Message,
                decision = answer.Decision?.ToString(),
                decidedBy = answer.DecidedBy,
            }, statusCode: answer.HttpStatus);
        });

        // The page serves only 127.0.0.1, to the person running the local host: they are the local reviewer.
        var records = services.GetRequiredService<RecordAccessService>();
        var localViewer = new ApprovalActor(reviewerId, [ReviewSettings.ApproverRole]);
        app.MapGet("/api/records/{recordId}", async (string recordId, HttpResponse response, CancellationToken token) =>
        {
            var answer = await records.OpenAsync(recordId, localViewer, LocalChannel, token).ConfigureAwait(false);
            response.Headers.CacheControl = "no-store";
            return answer.Record is { } record
                ? Results.Content(RecordPage.Render(record), "text/html; charset=utf-8")
                : Results.Text(answer.Message, statusCode: answer.HttpStatus);
        });

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new ReviewServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static readonly JsonSerializerOptions PageJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record PageDecision(string? Token, ApprovalDecision? Decision, string? Comment);
}
