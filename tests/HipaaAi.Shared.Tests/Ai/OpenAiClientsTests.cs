using System.Text.Json;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using WireMock.ResponseBuilders;

namespace HipaaAi.Shared.Tests.Ai;

public sealed class OpenAiClientsTests : IDisposable
{
    private const string ChatPath = "/openai/deployments/records-chat/chat/completions";
    private const string Model = "gpt-4o-2024-08-06";
    private const string DocumentText = "REFERRAL\nPatient: Test Person\nPlease see for cardiology consult.";

    private static readonly PageText[] Pages =
    [
        new(1, "REFERRAL  Patient: Test Person\nDOB: 04/12/1961", 0.97, 0, PageTextSource.DocumentIntelligence),
        new(2, "Diagnosis: E11.9 type 2 diabetes\nPlanned visit CPT 99213", 0.95, 0, PageTextSource.DocumentIntelligence),
    ];

    private readonly AzureAiStub _stub = new();

    public void Dispose() => _stub.Dispose();

    [Fact]
    public async Task ClassifyAsync_ModelAnswers_ReturnsTypeConfidenceAndEngine()
    {
        // Arrange
        StubChat(Completion(new { documentType = "Referral", confidence = 0.93 }));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var classification = await classifier.ClassifyAsync(DocumentText, CancellationToken.None);

        // Assert
        Assert.Equal(new Classification(DocumentType.Referral, 0.93, "azure-openai:records-chat"), classification);
    }

    [Fact]
    public async Task ClassifyAsync_ModelAnswers_SendsBearerTokenTemperatureZeroAndStrictSchema()
    {
        // Arrange
        StubChat(Completion(new { documentType = "LabResult", confidence = 0.8 }));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        await classifier.ClassifyAsync(DocumentText, CancellationToken.None);

        // Assert
        var request = Assert.Single(_stub.Requests).RequestMessage;
        Assert.Equal($"Bearer {AzureAiStub.Token}", request.Headers!["Authorization"].Single());
        Assert.Equal("2024-10-21", request.Query!["api-version"].Single());
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(0, body.RootElement.GetProperty("temperature").GetDouble());
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Contains("https://cognitiveservices.azure.com/.default", _stub.Credential.Scopes);
    }

    [Fact]
    public async Task ClassifyAsync_ModelAnswers_RecordsOneCallWithTokensAndNoText()
    {
        // Arrange
        var answer = JsonSerializer.Serialize(new { documentType = "Referral", confidence = 0.93 });
        StubChat(Completion(answer, promptTokens: 812, completionTokens: 17));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        await classifier.ClassifyAsync(DocumentText, CancellationToken.None);

        // Assert
        var call = Assert.Single(_stub.Recorder.Calls);
        Assert.Equal("azure-openai", call.Service);
        Assert.Equal("records-chat", call.Deployment);
        Assert.Equal(Model, call.Model);
        Assert.Equal("classify", call.Operation);
        Assert.Equal(812, call.InputTokens);
        Assert.Equal(17, call.OutputTokens);
        Assert.Equal(answer.Length, call.ResponseCharacters);
        Assert.True(call.RequestCharacters > DocumentText.Length);
        Assert.Equal(ModelCallOutcomes.Succeeded, call.Outcome);
        Assert.DoesNotContain("Test Person", call.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_ThrottledWithRetryAfter_WaitsAndRetriesWithoutAuthFailure()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(ChatPath).UsingPost())
            .InScenario("throttle").WillSetStateTo("admitted")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithBodyAsJson(new
            {
                error = new { code = "429", message = "Requests have exceeded the rate limit." },
            }));
        _stub.Server.Given(AzureAiStub.Authorized(ChatPath).UsingPost())
            .InScenario("throttle").WhenStateIs("admitted")
            .RespondWith(Completion(new { documentType = "ClaimOrEob", confidence = 0.7 }));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var classification = await classifier.ClassifyAsync(DocumentText, CancellationToken.None);

        // Assert
        Assert.Equal(DocumentType.ClaimOrEob, classification.Type);
        var attempts = _stub.Requests;
        Assert.Equal([429, 200], attempts.Select(entry => (int)entry.ResponseMessage.StatusCode!));
        Assert.True(attempts[1].RequestMessage.DateTime - attempts[0].RequestMessage.DateTime
            >= TimeSpan.FromMilliseconds(1_900));
        Assert.All(attempts, entry =>
            Assert.Equal($"Bearer {AzureAiStub.Token}", entry.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Equal(ModelCallOutcomes.Succeeded, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ClassifyAsync_PromptFilteredWithHttp400_ThrowsContentFilteredWithCategory()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(ChatPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new
            {
                error = new
                {
                    message = "The response was filtered due to the prompt triggering content management policy.",
                    type = (string?)null,
                    param = "prompt",
                    code = "content_filter",
                    status = 400,
                    innererror = new
                    {
                        code = "ResponsibleAIPolicyViolation",
                        content_filter_result = new
                        {
                            hate = new { filtered = false, severity = "safe" },
                            self_harm = new { filtered = true, severity = "medium" },
                            sexual = new { filtered = false, severity = "safe" },
                            violence = new { filtered = false, severity = "safe" },
                        },
                    },
                },
            }));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<ContentFilteredException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal("azure-openai", failure.Service);
        Assert.Equal("self_harm", failure.Category);
        var call = Assert.Single(_stub.Recorder.Calls);
        Assert.Equal(ModelCallOutcomes.ContentFiltered, call.Outcome);
        Assert.Null(call.InputTokens);
    }

    [Fact]
    public async Task ClassifyAsync_AnswerFilteredByFinishReason_ThrowsContentFilteredWithCategory()
    {
        // Arrange
        StubChat(Completion(content: null, finishReason: "content_filter", filteredCategory: "violence"));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<ContentFilteredException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal("violence", failure.Category);
        var call = Assert.Single(_stub.Recorder.Calls);
        Assert.Equal(ModelCallOutcomes.ContentFiltered, call.Outcome);
        Assert.Equal(120, call.InputTokens);
    }

    [Theory]
    [InlineData("length")]
    [InlineData("tool_calls")]
    public async Task ClassifyAsync_CompletionNotStopped_ThrowsTruncatedWithFinishReason(string finishReason)
    {
        // Arrange
        StubChat(Completion("{\"documentType\":\"Referral\",\"confid", finishReason: finishReason));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<TruncatedCompletionException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal(finishReason, failure.FinishReason);
        Assert.Equal(ModelCallOutcomes.Truncated, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"documentType\":\"Referral\"}")]
    [InlineData("{\"documentType\":\"Referral\",\"confidence\":0.9,\"reason\":\"extra\"}")]
    [InlineData("{\"documentType\":\"Prescription\",\"confidence\":0.9}")]
    [InlineData("{\"documentType\":\"Referral\",\"confidence\":1.7}")]
    [InlineData("{\"documentType\":null,\"confidence\":0.9}")]
    [InlineData("{\"documentType\":\"Referral\",\"confidence\":\"high\"}")]
    public async Task ClassifyAsync_AnswerBreaksSchema_ThrowsInvalidModelOutput(string content)
    {
        // Arrange
        StubChat(Completion(content));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<InvalidModelOutputException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal("azure-openai", failure.Service);
        Assert.DoesNotContain("Prescription", failure.Message, StringComparison.Ordinal);
        Assert.Equal(ModelCallOutcomes.InvalidOutput, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ClassifyAsync_ModelRefuses_ThrowsContentFiltered()
    {
        // Arrange
        StubChat(Completion(content: null, refusal: "I can't help with that."));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<ContentFilteredException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal("model-refusal", failure.Category);
    }

    [Fact]
    public async Task ClassifyAsync_DeploymentNotFound_ThrowsRequestExceptionWithStatusAndCode()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(ChatPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(404)
                .WithBodyAsJson(new { error = new { code = "DeploymentNotFound", message = "x" } }));
        var classifier = _stub.Get<IDocumentClassifier>();

        // Act
        var failure = await Assert.ThrowsAsync<AzureAiRequestException>(() =>
            classifier.ClassifyAsync(DocumentText, CancellationToken.None));

        // Assert
        Assert.Equal(404, failure.Status);
        Assert.Equal("DeploymentNotFound", failure.ErrorCode);
        Assert.Equal(ModelCallOutcomes.RequestFailed, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ExtractAsync_ModelAddsCodeNotInDocument_DropsItAndKeepsGroundedFields()
    {
        // Arrange
        StubChat(Completion(new
        {
            fields = new object[]
            {
                new { name = "patientName", value = "Test Person", page = 1, evidence = "Patient: Test Person" },
                new { name = "dateOfBirth", value = "04/12/1961", page = 1, evidence = "DOB: 04/12/1961" },
                new { name = "icd10Code", value = "E11.9", page = 2, evidence = "Diagnosis: E11.9 type 2 diabetes" },
                new { name = "icd10Code", value = "I10", page = 2, evidence = "Diagnosis: E11.9 type 2 diabetes" },
                new { name = "cptCode", value = "99214", page = 2, evidence = "Planned visit CPT 99213" },
            },
        }));
        var extractor = _stub.Get<IFieldExtractor>();

        // Act
        var fields = await extractor.ExtractAsync(DocumentType.PriorAuthorizationForm, Pages, CancellationToken.None);

        // Assert
        Assert.Equal(
            [("patientName", "Test Person"), ("dateOfBirth", "04/12/1961"), ("icd10Code", "E11.9")],
            fields.Select(field => (field.Name, field.Value)));
        Assert.All(fields, field => Assert.True(field.IsValid));
        Assert.Equal("extract", Assert.Single(_stub.Recorder.Calls).Operation);
    }

    [Fact]
    public async Task ExtractAsync_FieldNameOutsideCatalog_ThrowsInvalidModelOutput()
    {
        // Arrange
        StubChat(Completion(new
        {
            fields = new[] { new { name = "socialSecurityNumber", value = "x", page = 1, evidence = "x" } },
        }));
        var extractor = _stub.Get<IFieldExtractor>();

        // Act / Assert
        await Assert.ThrowsAsync<InvalidModelOutputException>(() =>
            extractor.ExtractAsync(DocumentType.Referral, Pages, CancellationToken.None));
    }

    [Fact]
    public async Task SummarizeAsync_ModelAnswers_ReturnsTrimmedSummary()
    {
        // Arrange
        StubChat(Completion(new { summary = "  Referred for a cardiology consult. Type 2 diabetes noted.  " }));
        var summarizer = _stub.Get<IDocumentSummarizer>();
        ExtractedField[] fields = [new("icd10Code", "E11.9", 2, "Diagnosis: E11.9", true, null)];

        // Act
        var summary = await summarizer.SummarizeAsync(DocumentType.Referral, Pages, fields, CancellationToken.None);

        // Assert
        Assert.Equal("Referred for a cardiology consult. Type 2 diabetes noted.", summary);
        Assert.Equal("summarize", Assert.Single(_stub.Recorder.Calls).Operation);
    }

    private void StubChat(IResponseBuilder response) =>
        _stub.Server.Given(AzureAiStub.Authorized(ChatPath).UsingPost().WithParam("api-version", "2024-10-21"))
            .RespondWith(response);

    private static IResponseBuilder Completion(object answer) => Completion(JsonSerializer.Serialize(answer));

    private static IResponseBuilder Completion(
        string? content,
        string finishReason = "stop",
        string? filteredCategory = null,
        string? refusal = null,
        int promptTokens = 120,
        int completionTokens = 14)
    {
        var filters = new Dictionary<string, object>
        {
            ["hate"] = new { filtered = false, severity = "safe" },
            ["self_harm"] = new { filtered = false, severity = "safe" },
            ["sexual"] = new { filtered = false, severity = "safe" },
            ["violence"] = new { filtered = false, severity = "safe" },
        };
        if (filteredCategory is not null)
            filters[filteredCategory] = new { filtered = true, severity = "medium" };

        return Response.Create().WithStatusCode(200).WithBodyAsJson(new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion",
            created = 1_735_689_600,
            model = Model,
            system_fingerprint = "fp_stub",
            choices = new[]
            {
                new
                {
                    index = 0,
                    finish_reason = finishReason,
                    logprobs = (object?)null,
                    message = new { role = "assistant", content, refusal },
                    content_filter_results = filters,
                },
            },
            usage = new
            {
                prompt_tokens = promptTokens,
                completion_tokens = completionTokens,
                total_tokens = promptTokens + completionTokens,
            },
        });
    }
}
