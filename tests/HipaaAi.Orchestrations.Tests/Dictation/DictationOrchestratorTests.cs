using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation;
using HipaaAi.Orchestrations.Dictation.Activities;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace HipaaAi.Orchestrations.Tests.Dictation;

public sealed class DictationOrchestratorTests
{
    private static readonly RetryPlan FastRetry = new(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20));

    private static readonly DictationSettings FastSettings = DictationSettings.Default with
    {
        Retry = FastRetry,
        Review = new ApprovalTiming(TimeSpan.FromSeconds(30), null, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)),
    };

    [Theory]
    [InlineData(ApprovalDecision.Approve, null)]
    [InlineData(ApprovalDecision.EditAndApprove, "Temperature 38.2 in clinic.")]
    public async Task RunAsync_ProviderApproves_FinalizesTheNoteWithTheSignerThenArchives(
        ApprovalDecision decision, string? comment)
    {
        // Arrange
        var fakes = new FakeDictationActivities();

        // Act
        var result = await RunAsync(fakes, decision, comment);

        // Assert
        Assert.Equal(DictationOutcome.Finalized, result.Outcome);
        Assert.Equal("provider-oid-7", result.SignedBy);
        Assert.Equal("outbox/dictation/dict-0123456789abcdef.fhir.json", result.DocumentReferenceBlob);
        var finalize = fakes.Input<FinalizeNoteInput>();
        Assert.Equal((decision, "provider-oid-7", comment), (finalize.Decision, finalize.SignedBy, finalize.Amendment));
        Assert.Equal([nameof(AudioPreflightActivity), nameof(TranscribeActivity), nameof(DraftNoteActivity),
            nameof(FinalizeNoteActivity), nameof(FinishActivity)],
            fakes.Calls.Select(call => call.Activity).Where(name => !name.Contains("Approval", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_SignatureRequest_GoesToProvidersAsNoteSignatureWithTheLowConfidenceWarning()
    {
        // Arrange
        var fakes = new FakeDictationActivities();

        // Act
        await RunAsync(fakes, ApprovalDecision.Approve);

        // Assert
        var request = fakes.Approvals.Posts.First().Request;
        Assert.Equal(Workflow.Dictation, request.Workflow);
        Assert.Equal(ApprovalKinds.NoteSignature, request.Kind);
        Assert.Equal(DictationSettings.ProviderRole, request.ApproverRole);
        Assert.Equal("dict-0123456789abcdef", request.SubjectId);
        Assert.Equal([ApprovalDecision.Approve, ApprovalDecision.EditAndApprove, ApprovalDecision.Reject],
            request.AllowedDecisions);
        Assert.Contains("LowConfidenceTranscript", request.Exceptions);
        Assert.Contains(request.Facts, fact => fact.Label == "Warning");
        Assert.Equal(new Uri("https://ehr.invalid/dictation/dict-0123456789abcdef"), request.RecordLink);
    }

    [Fact]
    public async Task RunAsync_ProviderRejects_WritesNothingToTheOutboxAndArchives()
    {
        // Arrange
        var fakes = new FakeDictationActivities();

        // Act
        var result = await RunAsync(fakes, ApprovalDecision.Reject);

        // Assert
        Assert.Equal(DictationOutcome.Rejected, result.Outcome);
        Assert.Null(result.DocumentReferenceBlob);
        Assert.Null(result.SignedBy);
        Assert.Equal(0, fakes.Count(nameof(FinalizeNoteActivity)));
        Assert.Equal(1, fakes.Count(nameof(FinishActivity)));
    }

    [Fact]
    public async Task RunAsync_NobodySigns_EndsWithoutANoteWhenTheReviewExpires()
    {
        // Arrange
        var fakes = new FakeDictationActivities();

        // Act
        var result = await RunAsync(fakes, decision: null);

        // Assert
        Assert.Equal(DictationOutcome.NoDecision, result.Outcome);
        Assert.Equal(nameof(ApprovalVerdict.Expired), result.Reason);
        Assert.Equal(0, fakes.Count(nameof(FinalizeNoteActivity)));
    }

    [Theory]
    [InlineData(AudioVerdict.Silent)]
    [InlineData(AudioVerdict.Unsupported)]
    [InlineData(AudioVerdict.Corrupt)]
    [InlineData(AudioVerdict.Empty)]
    [InlineData(AudioVerdict.TooLarge)]
    public async Task RunAsync_RejectedByPreflight_QuarantinesWithTheVerdictAndTranscribesNothing(AudioVerdict verdict)
    {
        // Arrange
        var fakes = new FakeDictationActivities
        {
            Preflight = _ => new AudioPreflightResult(verdict, AudioFormat.Wav, 100, TimeSpan.FromSeconds(10), 16_000, 1,
                TimeSpan.Zero, "the reason", false),
        };

        // Act
        var result = await RunAsync(fakes, decision: null);

        // Assert
        Assert.Equal(DictationOutcome.Quarantined, result.Outcome);
        Assert.Equal(verdict.ToString(), result.Reason);
        var quarantine = fakes.Input<QuarantineInput>();
        Assert.Equal((verdict.ToString(), "the reason"), (quarantine.Reason, quarantine.Detail));
        Assert.Equal(0, fakes.Count(nameof(TranscribeActivity)));
        Assert.Empty(fakes.Approvals.Posts);
    }

    [Fact]
    public async Task RunAsync_EngineHearsNoWords_QuarantinesInsteadOfAskingForASignature()
    {
        // Arrange
        var fakes = new FakeDictationActivities
        {
            Transcribe = _ => new TranscribeResult("pocketsphinx-0.8", true, 0, 0, TimeSpan.FromSeconds(20)),
        };

        // Act
        var result = await RunAsync(fakes, decision: null);

        // Assert
        Assert.Equal(DictationOutcome.Quarantined, result.Outcome);
        Assert.Equal(DictationQuarantineReasons.NothingTranscribed, result.Reason);
        Assert.Equal(0, fakes.Count(nameof(DraftNoteActivity)));
    }

    [Fact]
    public async Task RunAsync_TranscriptionFailsEveryAttempt_QuarantinesNamingTheStep()
    {
        // Arrange
        var fakes = new FakeDictationActivities { Transcribe = _ => throw new InvalidOperationException("engine down") };

        // Act
        var result = await RunAsync(fakes, decision: null);

        // Assert
        Assert.Equal(DictationOutcome.Quarantined, result.Outcome);
        Assert.Equal($"{QuarantineReasons.ProcessingFailed}:{nameof(TranscribeActivity)}", result.Reason);
        Assert.Equal([1, 2, 3], fakes.Calls.Where(call => call.Activity == nameof(TranscribeActivity))
            .Select(call => call.Attempt).Order());
        Assert.Equal(1, fakes.Count(nameof(QuarantineActivity)));
    }

    [Fact]
    public async Task RunAsync_BlobRewrittenAfterDelivery_EndsSupersededWithoutQuarantine()
    {
        // Arrange
        var fakes = new FakeDictationActivities
        {
            Preflight = _ => new AudioPreflightResult(AudioVerdict.Accepted, AudioFormat.Unknown, 0, TimeSpan.Zero, 0, 0,
                TimeSpan.Zero, null, true),
        };

        // Act
        var result = await RunAsync(fakes, decision: null);

        // Assert
        Assert.Equal(DictationOutcome.Superseded, result.Outcome);
        Assert.Equal(0, fakes.Count(nameof(QuarantineActivity)));
    }

    private static DictationRequest Request() => new(
        "dict-0123456789abcdef",
        StorageNames.DictationInbox,
        new BlobReference(StorageNames.DictationInbox, "visit-001.wav", 640_044, new string('b', 64), "audio/wav"),
        FastSettings);

    /// <summary>Runs the orchestrator; when a decision is given, a provider makes it once the card is posted.</summary>
    private static async Task<DictationResult> RunAsync(
        FakeDictationActivities fakes,
        ApprovalDecision? decision,
        string? comment = null)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(DictationOrchestrator.Name, Request());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        if (decision is { } chosen)
        {
            var approvalId = await fakes.Approvals.FirstApprovalIdAsync(timeout.Token);
            await host.Client.RaiseEventAsync($"{instanceId}-sign", ApprovalEvents.Decided,
                new ApprovalDecidedEvent(approvalId, chosen, "provider-oid-7", comment, DateTimeOffset.UtcNow, "teams"),
                timeout.Token);
        }

        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<DictationResult>()
            ?? throw new InvalidOperationException("The orchestration produced no result.");
    }
}
