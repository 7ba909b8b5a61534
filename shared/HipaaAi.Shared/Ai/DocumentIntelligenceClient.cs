using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// The Document Intelligence analyze call over REST: submit, then poll the Operation-Location until a final status.
/// The Azure.AI.DocumentIntelligence SDK is not available to this build; an Azure.Core pipeline gives the same bearer
/// authentication, retry (including 429 Retry-After) and diagnostics that the SDK would.
/// </summary>
internal sealed class DocumentIntelligenceClient
{
    internal const string ServiceName = "document-intelligence";

    internal const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private readonly AzureAiOptions _options;
    private readonly Uri _endpoint;
    private readonly HttpPipeline _pipeline;

    public DocumentIntelligenceClient(AzureAiOptions options, TokenCredential credential, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(httpClient);

        _options = options;
        _endpoint = options.DocumentIntelligenceEndpoint
            ?? throw new InvalidOperationException("AzureAi:DocumentIntelligenceEndpoint is not configured.");
        _pipeline = HttpPipelineBuilder.Build(
            new AzureAiPipelineOptions(options, httpClient),
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, TokenScope)],
            new ResponseClassifier());
    }

    /// <summary>Analyzes the given pages of a document and returns the finished result.</summary>
    public async Task<AnalyzeResult> AnalyzeAsync(
        BinaryData document,
        string contentType,
        string pages,
        CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var operationLocation = await SubmitAsync(document, contentType, pages, cancellationToken).ConfigureAwait(false);
        var delay = operationLocation.FirstDelay;

        while (true)
        {
            if (stopwatch.Elapsed + delay > _options.DocumentIntelligenceMaxWait)
                throw new TimeoutException("The document analysis did not finish within the configured wait.");

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);

            var (operation, nextDelay) = await PollAsync(operationLocation.Uri, cancellationToken).ConfigureAwait(false);
            switch (operation.Status)
            {
                case "succeeded":
                    return operation.AnalyzeResult
                        ?? throw new InvalidModelOutputException(ServiceName, "the finished operation has no result");
                case "failed":
                case "canceled":
                    throw new DocumentAnalysisFailedException(
                        operation.Status,
                        operation.Error?.InnerError?.Code ?? operation.Error?.Code);
                case "notStarted":
                case "running":
                    delay = nextDelay;
                    break;
                default:
                    throw new InvalidModelOutputException(ServiceName, "the operation status is not recognised");
            }
        }
    }

    private async Task<(Uri Uri, TimeSpan FirstDelay)> SubmitAsync(
        BinaryData document,
        string contentType,
        string pages,
        CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/documentintelligence/documentModels/", escape: false);
        request.Uri.AppendPath(_options.DocumentIntelligenceModelId, escape: true);
        request.Uri.AppendPath(":analyze", escape: false);
        request.Uri.AppendQuery("api-version", _options.DocumentIntelligenceApiVersion, escapeValue: true);
        request.Uri.AppendQuery("pages", pages, escapeValue: true);
        request.Headers.Add(HttpHeader.Names.ContentType, contentType);
        request.Content = RequestContent.Create(document);

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        if (response.Status != 202)
            throw new AzureAiRequestException(ServiceName, response.Status, ServiceJson.ReadErrorCode(response.Content));

        if (!response.Headers.TryGetValue("Operation-Location", out var location)
            || !Uri.TryCreate(location, UriKind.Absolute, out var operationUri))
        {
            throw new InvalidModelOutputException(ServiceName, "the accepted request has no Operation-Location");
        }

        // The bearer token follows the poll request, so it may only go back to the service it was issued for.
        if (Uri.Compare(operationUri, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped,
                StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidModelOutputException(ServiceName, "the Operation-Location points at another host");
        }

        return (operationUri, RetryAfter(response) ?? _options.DocumentIntelligencePollInterval);
    }

    private async Task<(AnalyzeOperation Operation, TimeSpan NextDelay)> PollAsync(
        Uri operationUri,
        CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(operationUri);

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var response = message.Response;
        if (response.Status != 200)
            throw new AzureAiRequestException(ServiceName, response.Status, ServiceJson.ReadErrorCode(response.Content));

        AnalyzeOperation? operation;
        try
        {
            operation = response.Content.ToObjectFromJson<AnalyzeOperation>(ServiceJson.Options);
        }
        catch (JsonException)
        {
            throw new InvalidModelOutputException(ServiceName, "the operation status is not valid JSON");
        }

        if (operation?.Status is null)
            throw new InvalidModelOutputException(ServiceName, "the operation has no status");

        return (operation, RetryAfter(response) ?? _options.DocumentIntelligencePollInterval);
    }

    /// <summary>The wait the service asked for, in whole seconds or as an HTTP date; null when it did not ask.</summary>
    internal static TimeSpan? RetryAfter(Azure.Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
            return null;

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(Math.Min(seconds, 60));

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - DateTimeOffset.UtcNow;
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(wait.TotalSeconds, 60));
        }

        return null;
    }
}
