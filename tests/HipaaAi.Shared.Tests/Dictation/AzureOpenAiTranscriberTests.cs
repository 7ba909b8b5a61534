using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Tests.Ai;
using Microsoft.Extensions.Options;
using WireMock.ResponseBuilders;

namespace HipaaAi.Shared.Tests.Dictation;

public sealed class AzureOpenAiTranscriberTests : IDisposable
{
    private const string Deployment = "dictation-whisper";
    private const string TranscriptionPath = "/openai/deployments/" + Deployment + "/audio/transcriptions";

    private readonly AzureAiStub _stub = new(settings => settings["AzureAi:TranscriptionDeployment"] = Deployment);
    private readonly string _folder = Directory.CreateTempSubdirectory("hipaaai-test-").FullName;

    public void Dispose()
    {
        _stub.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private AzureOpenAiTranscriber Transcriber() => new(
        _stub.Get<IOptions<AzureAiOptions>>().Value,
        _stub.Credential,
        _stub.Get<IHttpClientFactory>().CreateClient(AzureAiServiceCollectionExtensions.HttpClientName),
        _stub.Recorder);

    private static object Verbose(params (double Start, double End, string Text)[] segments) => new
    {
        task = "transcribe",
        language = "english",
        duration = 12.0,
        text = string.Join(' ', segments.Select(segment => segment.Text)),
        segments = segments.Select((segment, index) => new
        {
            id = index,
            start = segment.Start,
            end = segment.End,
            text = segment.Text,
            avg_logprob = -0.1,
            no_speech_prob = 0.01,
        }),
    };

    [Fact]
    public async Task TranscribeAsync_Success_SendsTemperatureZeroVerboseJsonWithTokenAndReturnsTimedSegments()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(TranscriptionPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(Verbose(
                (0.0, 4.2, " Subjective. Cough for five days."), (4.5, 9.0, " Plan, rest and fluids."))));
        var path = TestAudio.WriteWav(_folder, "speech.wav", TestAudio.Tone(2));

        // Act
        var segments = await Transcriber().TranscribeAsync(path, CancellationToken.None);

        // Assert
        Assert.Equal(["Subjective. Cough for five days.", "Plan, rest and fluids."], segments.Select(s => s.Text));
        Assert.Equal((TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(9)), (segments[1].Start, segments[1].End));
        Assert.Equal(Math.Exp(-0.1), segments[0].Confidence!.Value, 6);
        var request = Assert.Single(_stub.Requests).RequestMessage;
        Assert.Equal("2024-06-01", request.Query!["api-version"].Single());
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers!["Content-Type"].Single(),
            StringComparison.Ordinal);
        var body = System.Text.Encoding.Latin1.GetString(request.BodyAsBytes!);
        Assert.Contains("name=\"temperature\"\r\n\r\n0\r\n", body, StringComparison.Ordinal);
        Assert.Contains("name=\"response_format\"\r\n\r\nverbose_json\r\n", body, StringComparison.Ordinal);
        Assert.Contains("filename=\"dictation.wav\"", body, StringComparison.Ordinal);
        Assert.Contains(AzureOpenAiTranscriber.TokenScope, _stub.Credential.Scopes);
        var call = Assert.Single(_stub.Recorder.Calls);
        Assert.Equal(("transcribe", Deployment, ModelCallOutcomes.Succeeded), (call.Operation, call.Deployment, call.Outcome));
        Assert.DoesNotContain("Cough", call.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_ThrottledWithRetryAfter_WaitsThenSucceeds()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(TranscriptionPath).UsingPost())
            .InScenario("throttle").WillSetStateTo("admitted")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2")
                .WithBodyAsJson(new { error = new { code = "429", message = "Rate limit" } }));
        _stub.Server.Given(AzureAiStub.Authorized(TranscriptionPath).UsingPost())
            .InScenario("throttle").WhenStateIs("admitted")
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(Verbose((0, 2, "No fever."))));
        var path = TestAudio.WriteWav(_folder, "speech.wav", TestAudio.Tone(2));

        // Act
        var segments = await Transcriber().TranscribeAsync(path, CancellationToken.None);

        // Assert
        Assert.Equal("No fever.", Assert.Single(segments).Text);
        var attempts = _stub.Requests;
        Assert.Equal([429, 200], attempts.Select(entry => (int)entry.ResponseMessage.StatusCode!));
        Assert.True(attempts[1].RequestMessage.DateTime - attempts[0].RequestMessage.DateTime
            >= TimeSpan.FromMilliseconds(1_900));
    }

    [Theory]
    [InlineData(400, "invalid_request_error")]
    [InlineData(413, "RequestEntityTooLarge")]
    public async Task TranscribeAsync_ServiceRefuses_ThrowsRequestExceptionAndRecordsTheFailure(int status, string code)
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(TranscriptionPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status)
                .WithBodyAsJson(new { error = new { code, message = "refused" } }));
        var path = TestAudio.WriteWav(_folder, "speech.wav", TestAudio.Tone(2));

        // Act
        var failure = await Assert.ThrowsAsync<AzureAiRequestException>(
            () => Transcriber().TranscribeAsync(path, CancellationToken.None));

        // Assert
        Assert.Equal(status, failure.Status);
        Assert.Equal(ModelCallOutcomes.RequestFailed, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task TranscribeAsync_AnswerWithoutSegments_ThrowsInvalidOutput()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(TranscriptionPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { text = "made up" }));
        var path = TestAudio.WriteWav(_folder, "speech.wav", TestAudio.Tone(2));

        // Act and assert
        await Assert.ThrowsAsync<InvalidModelOutputException>(
            () => Transcriber().TranscribeAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task TranscribeAsync_FileOverTheUploadLimit_IsRefusedBeforeSending()
    {
        // Arrange
        var path = Path.Combine(_folder, "huge.wav");
        await using (var file = File.Create(path))
        {
            file.SetLength(AudioChunkPlanner.ServiceUploadLimitBytes + 1);
        }

        // Act and assert
        await Assert.ThrowsAsync<ArgumentException>(() => Transcriber().TranscribeAsync(path, CancellationToken.None));
        Assert.Empty(_stub.Requests);
    }
}
