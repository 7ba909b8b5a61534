using System.Net;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Shared.Approvals;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace HipaaAi.Functions.RecordsIntake;

/// <summary>
/// The record an approval card links to. Anonymous at the Functions level like the decision endpoint: App Service
/// authentication (Entra ID) signs staff in; the access service checks the viewer role and audits every opening.
/// </summary>
public sealed class RecordViewerFunctions(RecordAccessService access, IOptions<ApprovalOptions> options)
{
    public const string ViewerFunction = "RecordViewer";
    public const string ViewerRoute = "records/{recordId}";

    [Function(ViewerFunction)]
    public async Task<IActionResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ViewerRoute)] HttpRequest request,
        string recordId,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);

        // The header is only trustworthy behind App Service authentication, which strips it from callers.
        var viewer = options.Value.TrustAppServicePrincipal
            ? AppServicePrincipal.TryParse(request.Headers[AppServicePrincipal.HeaderName])
            : null;
        var answer = await access.OpenAsync(recordId, viewer, "records-endpoint", context.CancellationToken)
            .ConfigureAwait(false);

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var html = answer.Record is { } record
            ? RecordPage.Render(record)
            : $"<!doctype html><meta charset=\"utf-8\"><p>{WebUtility.HtmlEncode(answer.Message)}</p>";
        return new ContentResult { StatusCode = answer.HttpStatus, ContentType = "text/html; charset=utf-8", Content = html };
    }
}
