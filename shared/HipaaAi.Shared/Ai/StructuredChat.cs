using System.ClientModel;
using System.Diagnostics;
using System.Text.Json;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// One chat completion with a strict JSON schema answer, at temperature 0. Anything but a complete, schema-valid
/// answer becomes a typed exception; every call, good or bad, is recorded as a <see cref="ModelCall"/>.
/// </summary>
internal sealed class StructuredChat
{
    internal const string ServiceName = "azure-openai";

    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private readonly ChatClient _chatClient;
    private readonly AzureAiOptions _options;
    private readonly IModelCallRecorder _recorder;
    private readonly ILogger<StructuredChat> _logger;

    public StructuredChat(
        AzureOpenAIClient client,
        IOptions<AzureAiOptions> options,
        IModelCallRecorder recorder,
        ILogger<StructuredChat> logger)
    {
        _options = options.Value;
        Deployment = _options.ChatDeployment
            ?? throw new InvalidOperationException("AzureAi:ChatDeployment is not configured.");
        _chatClient = client.GetChatClient(Deployment);
        _recorder = recorder;
        _logger = logger;
    }

    public string Deployment { get; }

    /// <summary>The engine name recorded on results, e.g. "azure-openai:gpt-4o-records".</summary>
    public string Engine => $"{ServiceName}:{Deployment}";

    /// <summary>
    /// Asks the model and returns its answer as <typeparamref name="T"/>. <paramref name="check"/> returns a problem
    /// (a short code, never content) when the answer parses but breaks a rule the schema cannot express.
    /// </summary>
    public async Task<T> CompleteAsync<T>(
        ChatRequest request,
        Func<T, string?> check,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(check);

        var stopwatch = Stopwatch.StartNew();
        var requestCharacters = request.Instructions.Length + request.Content.Length;
        var options = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = _options.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                request.SchemaName,
                BinaryData.FromString(request.Schema),
                jsonSchemaIsStrict: true),
        };
        ChatMessage[] messages = [new SystemChatMessage(request.Instructions), new UserChatMessage(request.Content)];

        ClientResult<ChatCompletion> result;
        try
        {
            result = await _chatClient.CompleteChatAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException exception)
        {
            var failure = MapRequestFailure(exception);
            Fail(request.Operation, requestCharacters, null, null, failure, stopwatch);
            throw failure;
        }
        catch (OperationCanceledException)
        {
            // Without a cancellation request, the pipeline's network timeout ran out on the last attempt.
            var outcome = cancellationToken.IsCancellationRequested
                ? ModelCallOutcomes.Canceled
                : ModelCallOutcomes.TimedOut;
            Record(request.Operation, requestCharacters, 0, null, null, outcome, stopwatch);
            throw;
        }

        var completion = result.Value;
        var text = string.Concat(completion.Content
            .Where(part => part.Kind == ChatMessageContentPartKind.Text)
            .Select(part => part.Text));

        try
        {
            var answer = ReadAnswer(completion, result, text, check);
            Record(request.Operation, requestCharacters, text.Length, completion, completion.Usage,
                ModelCallOutcomes.Succeeded, stopwatch);
            Logs.ChatCompleted(_logger, request.Operation, Deployment, completion.Usage?.InputTokenCount ?? 0,
                completion.Usage?.OutputTokenCount ?? 0, stopwatch.ElapsedMilliseconds);
            return answer;
        }
        catch (Exception failure) when (failure is ContentFilteredException or TruncatedCompletionException
                                            or InvalidModelOutputException)
        {
            Fail(request.Operation, requestCharacters, text.Length, completion, failure, stopwatch);
            throw;
        }
    }

    private static T ReadAnswer<T>(
        ChatCompletion completion,
        ClientResult<ChatCompletion> result,
        string text,
        Func<T, string?> check)
        where T : class
    {
        if (completion.FinishReason == ChatFinishReason.ContentFilter)
            throw new ContentFilteredException(ServiceName, ContentFilterCategory.FromCompletion(result));
        if (completion.FinishReason != ChatFinishReason.Stop)
            throw new TruncatedCompletionException(ServiceName, WireName(completion.FinishReason));

        // With structured outputs the model states a refusal instead of answering; retrying the same input won't help.
        if (!string.IsNullOrEmpty(completion.Refusal))
            throw new ContentFilteredException(ServiceName, "model-refusal");
        if (string.IsNullOrWhiteSpace(text))
            throw new InvalidModelOutputException(ServiceName, "the answer is empty");

        T? answer;
        try
        {
            answer = JsonSerializer.Deserialize<T>(text, StrictJson);
        }
        catch (JsonException exception)
        {
            // JsonException messages can quote the offending value: keep only where it broke.
            throw new InvalidModelOutputException(ServiceName,
                exception.Path is null
                    ? "the answer is not valid JSON"
                    : $"the answer breaks the schema at {exception.Path}");
        }

        if (answer is null)
            throw new InvalidModelOutputException(ServiceName, "the answer is null");

        var problem = check(answer);
        return problem is null ? answer : throw new InvalidModelOutputException(ServiceName, problem);
    }

    private static Exception MapRequestFailure(ClientResultException exception)
    {
        var body = exception.GetRawResponse()?.Content;
        var category = ContentFilterCategory.FromErrorBody(body);
        if (category is not null)
            return new ContentFilteredException(ServiceName, category);

        return new AzureAiRequestException(ServiceName, exception.Status, ServiceJson.ReadErrorCode(body));
    }

    private static string WireName(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Length => "length",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        ChatFinishReason.ContentFilter => "content_filter",
        _ => "stop",
    };

    private static string OutcomeOf(Exception failure) => failure switch
    {
        ContentFilteredException => ModelCallOutcomes.ContentFiltered,
        TruncatedCompletionException => ModelCallOutcomes.Truncated,
        InvalidModelOutputException => ModelCallOutcomes.InvalidOutput,
        _ => ModelCallOutcomes.RequestFailed,
    };

    private void Fail(
        string operation,
        int requestCharacters,
        int? responseCharacters,
        ChatCompletion? completion,
        Exception failure,
        Stopwatch stopwatch)
    {
        var outcome = OutcomeOf(failure);
        Record(operation, requestCharacters, responseCharacters ?? 0, completion, completion?.Usage, outcome, stopwatch);
        Logs.ChatFailed(_logger, operation, Deployment, outcome, stopwatch.ElapsedMilliseconds);
    }

    private void Record(
        string operation,
        int requestCharacters,
        int responseCharacters,
        ChatCompletion? completion,
        ChatTokenUsage? usage,
        string outcome,
        Stopwatch stopwatch) =>
        _recorder.Record(new ModelCall(
            ServiceName,
            Deployment,
            completion?.Model,
            operation,
            requestCharacters,
            responseCharacters,
            usage?.InputTokenCount,
            usage?.OutputTokenCount,
            outcome,
            stopwatch.Elapsed));
}

/// <summary>What to ask: the operation name for audit, instructions, the document content and the answer schema.
/// </summary>
internal sealed record ChatRequest(
    string Operation,
    string Instructions,
    string Content,
    string SchemaName,
    string Schema);
