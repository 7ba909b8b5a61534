using System.Net;
using System.Text.Json;
using HipaaAi.Functions.Hosting;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Activities;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace HipaaAi.Functions.Approvals;

/// <summary>
/// The Functions entry points of approvals: the sub-orchestration, its activities and the decision endpoint. The
/// endpoint is anonymous at the Functions level on purpose: App Service authentication (Entra ID) in front of the app
/// signs staff in, and a signed link token authorizes exactly one decision; the decision service checks both.
/// </summary>
public sealed class ApprovalFunctions(
    AuditedActivityInvoker invoker,
    ApprovalDecisionService decisions,
    ApprovalLinkSigner signer,
    IOptions<ApprovalOptions> options)
{
    public const string DecisionFunction = "ApprovalDecision";
    public const string DecisionLinkFunction = "ApprovalDecisionLink";
    public const string DecisionRoute = "approvals/{approvalId}/decision";

    private const int MaxBodyBytes = 16 * 1024;

    [Function(ApprovalOrchestrator.Name)]
    public static Task<ApprovalOutcome> RunOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        var request = context.GetInput<ApprovalRequest>()
            ?? throw new InvalidOperationException("The approval started without a request.");
        return ApprovalOrchestrator.RunAsync(context, request);
    }

    [Function(nameof(PostApprovalCardActivity))]
    public Task<PostApprovalCardResult> PostCardAsync(
        [ActivityTrigger] ActivityRequest<PostApprovalCardInput> request, FunctionContext context) =>
        invoker.InvokeAsync<PostApprovalCardActivity, PostApprovalCardInput, PostApprovalCardResult>(
            nameof(PostApprovalCardActivity), context.InstanceId(), request, context.CancellationToken);

    [Function(nameof(CloseApprovalActivity))]
    public Task<CloseApprovalResult> CloseAsync(
        [ActivityTrigger] ActivityRequest<CloseApprovalInput> request, FunctionContext context) =>
        invoker.InvokeAsync<CloseApprovalActivity, CloseApprovalInput, CloseApprovalResult>(
            nameof(CloseApprovalActivity), context.InstanceId(), request, context.CancellationToken);

    /// <summary>
    /// Records a decision: JSON <c>{"decision","comment","token"}</c> from a flow's callback or a bot's
    /// <c>Action.Execute</c> invoke, or the form the signed-link page posts.
    /// </summary>
    [Function(DecisionFunction)]
    public async Task<IActionResult> DecideAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = DecisionRoute)] HttpRequest request,
        string approvalId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        var fromForm = request.HasFormContentType;
        var body = fromForm ? await ReadFormAsync(request, context.CancellationToken).ConfigureAwait(false)
            : await ReadJsonAsync(request, context.CancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Answer(new DecisionAnswer(DecisionStatus.Invalid, "The request body is not a decision."), fromForm);
        }

        // The header is only trustworthy behind App Service authentication, which strips it from callers.
        var principal = options.Value.TrustAppServicePrincipal
            ? AppServicePrincipal.TryParse(request.Headers[AppServicePrincipal.HeaderName])
            : null;
        var answer = await decisions.DecideAsync(client,
            new DecisionSubmission(approvalId, body.Decision, body.Comment, body.Token ?? request.Query["token"],
                principal, fromForm ? "signed-link" : "callback"),
            context.CancellationToken).ConfigureAwait(false);
        return Answer(answer, fromForm);
    }

    /// <summary>
    /// What a signed link opens: a confirmation form, so link previews and scanners that fetch URLs never decide.
    /// </summary>
    [Function(DecisionLinkFunction)]
    public IActionResult ConfirmLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DecisionRoute)] HttpRequest request,
        string approvalId)
    {
        ArgumentNullException.ThrowIfNull(request);

        string token = request.Query["token"].ToString();
        try
        {
            var claims = signer.Verify(token, approvalId);
            return Html(HttpStatusCode.OK, DecisionPages.Confirm(claims.Decision, token));
        }
        catch (ApprovalTokenException failure)
        {
            return Html(HttpStatusCode.Unauthorized,
                DecisionPages.Message($"This approval link is not valid ({failure.Failure})."));
        }
    }

    private static IActionResult Answer(DecisionAnswer answer, bool asPage) => asPage
        ? Html((HttpStatusCode)answer.HttpStatus, DecisionPages.Message(answer.Message))
        : new JsonResult(new
        {
            status = answer.Status.ToString(),
            message = answer.Message,
            decision = answer.Decision?.ToString(),
            decidedBy = answer.DecidedBy,
            decidedAt = answer.DecidedAt,
        })
        { StatusCode = answer.HttpStatus };

    private static ContentResult Html(HttpStatusCode status, string html) =>
        new() { StatusCode = (int)status, ContentType = "text/html; charset=utf-8", Content = html };

    private static async Task<DecisionBody?> ReadFormAsync(HttpRequest request, CancellationToken token)
    {
        var form = await request.ReadFormAsync(token).ConfigureAwait(false);
        return new DecisionBody(
            Enum.TryParse<ApprovalDecision>(form["decision"], out var decision) ? decision : null,
            form["comment"].ToString() is { Length: > 0 } comment ? comment : null,
            form["token"].ToString() is { Length: > 0 } value ? value : null);
    }

    private static async Task<DecisionBody?> ReadJsonAsync(HttpRequest request, CancellationToken token)
    {
        if (request.ContentLength is > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<DecisionBody>(request.Body, BodyJson, token)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record DecisionBody(ApprovalDecision? Decision, string? Comment, string? Token);
}
