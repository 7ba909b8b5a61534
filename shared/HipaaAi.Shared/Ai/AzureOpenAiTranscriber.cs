using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Azure.Core.Pipeline;
using HipaaAi.Shared.Dictation;

namespace HipaaAi.Shared.Ai;

/// <summary>
/// Speech to text through the Azure OpenAI <c>audio/transcriptions</c> REST operation (Whisper deployment), at
/// temperature 0 with segment timestamps (<c>verbose_json</c>). The request is authenticated with a managed identity
/// token over an Azure.Core pipeline whose retry policy waits as long as a 429's Retry-After asks.
/// Every call is recorded as a <see cref="ModelCall"/>; neither audio nor text is logged.
/// </summary>
public sealed class AzureOpenAiTranscriber : ISpeechTranscriber
{
    internal const string ServiceName = "azure-openai";

    internal const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private const string TranscriptionApiVersion = "2024-06-01";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Uri _endpoint;
    private readonly string _deployment;
    private readonly HttpPipeline _pipeline;
    private readonly IModelCallRecorder _recorder;

    public AzureOpenAiTranscriber(
        AzureAiOptions options,
        TokenCredential credential,
        HttpClient httpClient,
        IModelCallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(httpClient);

        _endpoint = options.OpenAiEndpoint
            ?? throw new InvalidOperationException("AzureAi:OpenAiEndpoint is not configured.");
        _deployment = options.TranscriptionDeployment
            ?? throw new InvalidOperationException("AzureAi:TranscriptionDeployment is not configured.");
        _recorder = recorder;
        _pipeline = HttpPipelineBuilder.Build(
            new AzureAiPipelineOptions(options, httpClient),
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, TokenScope)],
            new ResponseClassifier());
    }

    public string Engine => $"{ServiceName}:{_deployment}";

    public bool LowConfidence => false;

    public long MaxUploadBytes => AudioChunkPlanner.ServiceUploadLimitBytes;

    public async Task<IReadOnlyList<TranscriptSegment>> TranscribeAsync(string wavPath, CancellationToken cancellationToken)
    {
        var audio = await File.ReadAllBytesAsync(wavPath, cancellationToken).ConfigureAwait(false);
        if (audio.LongLength > MaxUploadBytes)
        {
            throw new ArgumentException("The audio is larger than one transcription request may be.", nameof(wavPath));
        }

        var boundary = "hipaaai-" + Guid.NewGuid().ToString("N");
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/openai/deployments/", escape: false);
        request.Uri.AppendPath(_deployment, escape: true);
        request.Uri.AppendPath("/audio/transcriptions", escape: false);
        request.Uri.AppendQuery("api-version", TranscriptionApiVersion, escapeValue: true);
        request.Headers.Add(HttpHeader.Names.ContentType, $"multipart/form-data; boundary={boundary}");
        request.Content = RequestContent.Create(MultipartBody(boundary, audio));

        var stopwatch = Stopwatch.StartNew();
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Record(audio.Length, 0, cancellationToken.IsCancellationRequested ? ModelCallOutcomes.Canceled
                : ModelCallOutcomes.TimedOut, stopwatch);
            throw;
        }

        var response = message.Response;
        if (response.Status != 200)
        {
            Record(audio.Length, 0, ModelCallOutcomes.RequestFailed, stopwatch);
            throw new AzureAiRequestException(ServiceName, response.Status, ServiceJson.ReadErrorCode(response.Content));
        }

        VerboseTranscription? answer;
        try
        {
            answer = response.Content.ToObjectFromJson<VerboseTranscription>(Json);
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer?.Segments is null)
        {
            Record(audio.Length, response.Content.ToMemory().Length, ModelCallOutcomes.InvalidOutput, stopwatch);
            throw new InvalidModelOutputException(ServiceName, "the transcription has no segments");
        }

        var segments = answer.Segments
            .Where(segment => !string.IsNullOrWhiteSpace(segment.Text))
            .Select((segment, index) => new TranscriptSegment(index, TimeSpan.FromSeconds(segment.Start),
                TimeSpan.FromSeconds(segment.End), segment.Text!.Trim(),
                segment.AvgLogprob is { } logprob ? Math.Exp(logprob) : null))
            .ToList();
        Record(audio.Length, answer.Text?.Length ?? 0, ModelCallOutcomes.Succeeded, stopwatch);
        return segments;
    }

    private static byte[] MultipartBody(string boundary, byte[] audio)
    {
        using var body = new MemoryStream(audio.Length + 1024);
        void Field(string name, string value) => Write(body,
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");

        Field("temperature", "0");
        Field("response_format", "verbose_json");
        Field("timestamp_granularities[]", "segment");
        Field("language", "en");
        Write(body, $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dictation.wav\"\r\n" +
            "Content-Type: audio/wav\r\n\r\n");
        body.Write(audio);
        Write(body, $"\r\n--{boundary}--\r\n");
        return body.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    // Audio bytes stand in for request characters: the audit keeps sizes, never content.
    private void Record(int requestBytes, int responseCharacters, string outcome, Stopwatch stopwatch) =>
        _recorder.Record(new ModelCall(ServiceName, _deployment, null, "transcribe", requestBytes, responseCharacters,
            null, null, outcome, stopwatch.Elapsed));

    private sealed record VerboseTranscription(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("segments")] IReadOnlyList<VerboseSegment>? Segments);

    private sealed record VerboseSegment(
        [property: JsonPropertyName("start")] double Start,
        [property: JsonPropertyName("end")] double End,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("avg_logprob")] double? AvgLogprob);
}
