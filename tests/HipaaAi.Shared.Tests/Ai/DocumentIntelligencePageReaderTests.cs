using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using WireMock.ResponseBuilders;

namespace HipaaAi.Shared.Tests.Ai;

public sealed class DocumentIntelligencePageReaderTests : IDisposable
{
    private const string AnalyzePath = "/documentintelligence/documentModels/prebuilt-layout:analyze";
    private const string ResultPath = "/documentintelligence/documentModels/prebuilt-layout/analyzeResults/op-1";

    private readonly AzureAiStub _stub = new();
    private readonly string _document = Path.Combine(Path.GetTempPath(), $"di-{Guid.NewGuid():N}.pdf");

    public DocumentIntelligencePageReaderTests() =>
        File.WriteAllBytes(_document, "%PDF-1.7\n% three stub pages\n%%EOF\n"u8.ToArray());

    public void Dispose()
    {
        _stub.Dispose();
        File.Delete(_document);
    }

    [Fact]
    public async Task ReadPagesAsync_AnalysisSucceeds_MapsTextConfidenceAndRotationPerPage()
    {
        // Arrange
        StubAccepted();
        StubResult(Running(), Succeeded());
        var reader = _stub.Get<IPageReader>();

        // Act
        var pages = await reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [1, 2, 3], CancellationToken.None);

        // Assert
        Assert.Equal("document-intelligence", reader.EngineName);
        Assert.Equal([1, 2, 3], pages.Select(page => page.PageNumber));
        Assert.Equal("REFERRAL\nPatient: Test Person", pages[0].Text);
        Assert.Equal(0.95, pages[0].Confidence, precision: 6);
        Assert.Equal(0, pages[0].RotationDegrees);
        Assert.Equal(270, pages[1].RotationDegrees);
        Assert.Equal(0.6, pages[1].Confidence, precision: 6);
        Assert.Equal(180, pages[2].RotationDegrees);
        Assert.All(pages, page => Assert.Equal(PageTextSource.DocumentIntelligence, page.Source));

        var analyze = _stub.Requests.First(entry => entry.RequestMessage.Method == "POST").RequestMessage;
        Assert.Equal("application/pdf", analyze.Headers!["Content-Type"].Single());
        Assert.Equal("1-3", analyze.Query!["pages"].Single());
        Assert.Equal("2024-11-30", analyze.Query!["api-version"].Single());
        Assert.Equal(3, _stub.Requests.Count);
        Assert.All(_stub.Requests, entry =>
            Assert.Equal($"Bearer {AzureAiStub.Token}", entry.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Contains("https://cognitiveservices.azure.com/.default", _stub.Credential.Scopes);
    }

    [Fact]
    public async Task ReadPagesAsync_AnalysisSucceeds_RecordsOneCallWithSizesAndNoText()
    {
        // Arrange
        StubAccepted();
        StubResult(Succeeded());
        var reader = _stub.Get<IPageReader>();

        // Act
        var pages = await reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [1, 2, 3], CancellationToken.None);

        // Assert
        var call = Assert.Single(_stub.Recorder.Calls);
        Assert.Equal("document-intelligence", call.Service);
        Assert.Equal("prebuilt-layout", call.Model);
        Assert.Equal("analyze", call.Operation);
        Assert.Equal(ModelCallOutcomes.Succeeded, call.Outcome);
        Assert.Equal((int)new FileInfo(_document).Length, call.RequestCharacters);
        Assert.Equal(pages.Sum(page => page.Text.Length), call.ResponseCharacters);
        Assert.DoesNotContain("Test Person", call.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPagesAsync_ThrottledWithRetryAfter_WaitsThenSucceedsWithoutAuthFailure()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(AnalyzePath).UsingPost())
            .InScenario("throttle").WillSetStateTo("admitted")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2")
                .WithBodyAsJson(new { error = new { code = "429", message = "Rate limit exceeded." } }));
        _stub.Server.Given(AzureAiStub.Authorized(AnalyzePath).UsingPost())
            .InScenario("throttle").WhenStateIs("admitted")
            .RespondWith(Accepted());
        StubResult(Succeeded());
        var reader = _stub.Get<IPageReader>();

        // Act
        var pages = await reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [1, 2, 3], CancellationToken.None);

        // Assert
        Assert.Equal(3, pages.Count);
        var posts = _stub.Requests.Where(entry => entry.RequestMessage.Method == "POST").ToList();
        Assert.Equal([429, 202], posts.Select(entry => (int)entry.ResponseMessage.StatusCode!));
        Assert.True(posts[1].RequestMessage.DateTime - posts[0].RequestMessage.DateTime
            >= TimeSpan.FromMilliseconds(1_900));
        Assert.DoesNotContain(_stub.Requests, entry => (int)entry.ResponseMessage.StatusCode! == 401);
        Assert.Equal(ModelCallOutcomes.Succeeded, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ReadPagesAsync_OperationFailed_ThrowsWithServiceCodeAndRecordsFailure()
    {
        // Arrange
        StubAccepted();
        StubResult(new
        {
            status = "failed",
            createdDateTime = "2025-01-01T00:00:00Z",
            lastUpdatedDateTime = "2025-01-01T00:00:02Z",
            error = new
            {
                code = "InvalidRequest",
                message = "Invalid request.",
                innererror = new { code = "InvalidContent", message = "The file is corrupted." },
            },
        });
        var reader = _stub.Get<IPageReader>();

        // Act
        var failure = await Assert.ThrowsAsync<DocumentAnalysisFailedException>(() =>
            reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [1, 2, 3], CancellationToken.None));

        // Assert
        Assert.Equal("failed", failure.Status);
        Assert.Equal("InvalidContent", failure.ErrorCode);
        Assert.Equal(ModelCallOutcomes.AnalysisFailed, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ReadPagesAsync_AnalyzeRejected_ThrowsRequestExceptionWithCode()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(AnalyzePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new
            {
                error = new { code = "InvalidRequest", message = "x", innererror = new { code = "InvalidPageRange" } },
            }));
        var reader = _stub.Get<IPageReader>();

        // Act
        var failure = await Assert.ThrowsAsync<AzureAiRequestException>(() =>
            reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [9], CancellationToken.None));

        // Assert
        Assert.Equal(400, failure.Status);
        Assert.Equal("InvalidPageRange", failure.ErrorCode);
        Assert.Equal(ModelCallOutcomes.RequestFailed, Assert.Single(_stub.Recorder.Calls).Outcome);
    }

    [Fact]
    public async Task ReadPagesAsync_OperationLocationOnAnotherHost_ThrowsWithoutSendingToken()
    {
        // Arrange
        _stub.Server.Given(AzureAiStub.Authorized(AnalyzePath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202)
                .WithHeader("Operation-Location", "https://elsewhere.example/analyzeResults/op-1"));
        var reader = _stub.Get<IPageReader>();

        // Act
        var failure = await Assert.ThrowsAsync<InvalidModelOutputException>(() =>
            reader.ReadPagesAsync(_document, DocumentFormat.Pdf, [1], CancellationToken.None));

        // Assert
        Assert.Equal("document-intelligence", failure.Service);
        Assert.Single(_stub.Requests);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, "1-3")]
    [InlineData(new[] { 5, 1, 2, 3 }, "1-3,5")]
    [InlineData(new[] { 4 }, "4")]
    [InlineData(new[] { 2, 2, 7, 8, 10 }, "2,7-8,10")]
    public void PageRanges_PageNumbers_CompressesIntoServiceSyntax(int[] pages, string expected)
    {
        // Arrange / Act
        var ranges = DocumentIntelligencePageReader.PageRanges(pages);

        // Assert
        Assert.Equal(expected, ranges);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0.4, 0)]
    [InlineData(-1.2, 0)]
    [InlineData(89.5, 270)]
    [InlineData(-90.0, 90)]
    [InlineData(180.0, 180)]
    [InlineData(-179.0, 180)]
    public void UprightRotation_ContentAngle_GivesClockwiseCorrection(double? angle, int expected)
    {
        // Arrange / Act
        var rotation = DocumentIntelligencePageReader.UprightRotation(angle);

        // Assert
        Assert.Equal(expected, rotation);
    }

    private IResponseBuilder Accepted() =>
        Response.Create().WithStatusCode(202)
            .WithHeader("Operation-Location", $"{_stub.Endpoint}{ResultPath.TrimStart('/')}?api-version=2024-11-30")
            .WithHeader("Retry-After", "0");

    private void StubAccepted() =>
        _stub.Server.Given(AzureAiStub.Authorized(AnalyzePath).UsingPost()
                .WithParam("api-version", "2024-11-30"))
            .RespondWith(Accepted());

    private void StubResult(params object[] bodies)
    {
        for (var index = 0; index < bodies.Length; index++)
        {
            var request = _stub.Server.Given(AzureAiStub.Authorized(ResultPath).UsingGet()).InScenario("poll");
            if (index > 0)
                request = request.WhenStateIs($"poll-{index}");
            request.WillSetStateTo($"poll-{index + 1}")
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(bodies[index]));
        }
    }

    private static object Running() => new { status = "running", createdDateTime = "2025-01-01T00:00:00Z" };

    private static object Succeeded() => new
    {
        status = "succeeded",
        createdDateTime = "2025-01-01T00:00:00Z",
        lastUpdatedDateTime = "2025-01-01T00:00:03Z",
        analyzeResult = new
        {
            apiVersion = "2024-11-30",
            modelId = "prebuilt-layout",
            stringIndexType = "textElements",
            content = "REFERRAL\nPatient: Test Person\n...",
            pages = new object[]
            {
                Page(1, 0.0, ["REFERRAL", "Patient: Test Person"],
                    [("REFERRAL", 0.99), ("Patient:", 0.95), ("Test", 0.93), ("Person", 0.93)]),
                Page(2, 89.6, ["faint line"], [("faint", 0.5), ("line", 0.7)]),
                Page(3, -179.2, ["upside down"], [("upside", 0.9), ("down", 0.9)]),
            },
        },
    };

    private static object Page(int number, double angle, string[] lines, (string Text, double Confidence)[] words) => new
    {
        pageNumber = number,
        angle,
        width = 8.5,
        height = 11,
        unit = "inch",
        words = words.Select((word, index) => new
        {
            content = word.Text,
            polygon = new[] { 1.0, 1.0, 2.0, 1.0, 2.0, 1.2, 1.0, 1.2 },
            confidence = word.Confidence,
            span = new { offset = index * 10, length = word.Text.Length },
        }),
        lines = lines.Select(line => new { content = line, polygon = new[] { 1.0, 1.0, 4.0, 1.0, 4.0, 1.2, 1.0, 1.2 } }),
        spans = new[] { new { offset = 0, length = 40 } },
    };
}
