using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Tests.Approvals;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace HipaaAi.Orchestrations.Tests.RecordsIntake;

public sealed class RecordsIntakeOrchestratorTests
{
    private static readonly IntakeSettings FastSettings =
        new(8, TimeSpan.Zero, 3, new RetryPlan(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)));

    [Fact]
    public async Task RunAsync_AcceptedOnePageFile_RoutesOneDocumentAndArchivesSource()
    {
        // Arrange
        var fakes = new FakeIntakeActivities();

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Completed, result.Outcome);
        var document = Assert.Single(result.Documents);
        Assert.Equal(DocumentType.Referral, document.Type);
        Assert.Equal("records-referrals", document.Queue);
        Assert.Equal(1, fakes.Count(nameof(FinishActivity)));
        Assert.Equal(0, fakes.Count(nameof(QuarantineActivity)));
    }

    [Theory]
    [InlineData(PreflightVerdict.Encrypted)]
    [InlineData(PreflightVerdict.Corrupt)]
    [InlineData(PreflightVerdict.Unsupported)]
    [InlineData(PreflightVerdict.TooLarge)]
    [InlineData(PreflightVerdict.TooSmall)]
    public async Task RunAsync_RejectedByPreflight_QuarantinesWithTheVerdictAndReadsNothing(PreflightVerdict verdict)
    {
        // Arrange
        var fakes = new FakeIntakeActivities
        {
            Preflight = _ => new PreflightResult(verdict, DocumentFormat.Pdf, 0, "reason", false, []),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal(verdict.ToString(), result.QuarantineReason);
        Assert.Equal(1, fakes.Count(nameof(QuarantineActivity)));
        Assert.Equal(0, fakes.Count(nameof(ReadPagesActivity)));
        Assert.Equal(0, fakes.Count(nameof(FinishActivity)));
    }

    [Fact]
    public async Task RunAsync_EmptyBlobThatStaysEmpty_QuarantinesAsEmptyAfterEveryCheck()
    {
        // Arrange
        var fakes = new FakeIntakeActivities
        {
            Preflight = _ => new PreflightResult(PreflightVerdict.Empty, DocumentFormat.Unknown, 0, "empty", false, []),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal(nameof(PreflightVerdict.Empty), result.QuarantineReason);
        Assert.Equal(FastSettings.EmptyFileChecks, fakes.Count(nameof(PreflightActivity)));
    }

    [Fact]
    public async Task RunAsync_EmptyBlobWrittenLater_EndsSupersededWithoutQuarantine()
    {
        // Arrange
        var checks = 0;
        var fakes = new FakeIntakeActivities
        {
            Preflight = _ => Interlocked.Increment(ref checks) == 1
                ? new PreflightResult(PreflightVerdict.Empty, DocumentFormat.Unknown, 0, "empty", false, [])
                : new PreflightResult(PreflightVerdict.Accepted, DocumentFormat.Unknown, 0, null, true, []),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Superseded, result.Outcome);
        Assert.Equal(0, fakes.Count(nameof(QuarantineActivity)));
        Assert.Equal(0, fakes.Count(nameof(ReadPagesActivity)));
    }

    [Fact]
    public async Task RunAsync_StepThatAlwaysThrows_RetriesThenQuarantinesOnceNamingTheStep()
    {
        // Arrange
        var fakes = new FakeIntakeActivities
        {
            ReadPages = (_, _) => throw new InvalidOperationException("engine down"),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal($"{QuarantineReasons.ProcessingFailed}:{nameof(ReadPagesActivity)}", result.QuarantineReason);
        Assert.Equal(
            [1, 2, 3],
            fakes.Calls.Where(call => call.Activity == nameof(ReadPagesActivity)).Select(call => call.Attempt).Order());
        Assert.Equal(1, fakes.Count(nameof(QuarantineActivity)));
    }

    [Fact]
    public async Task RunAsync_StepThatFailsOnce_SucceedsOnTheSecondAttempt()
    {
        // Arrange
        var fakes = new FakeIntakeActivities();
        var read = fakes.ReadPages;
        fakes.ReadPages = (input, attempt) => attempt == 1 ? throw new IOException("transient") : read(input, attempt);

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.Completed, result.Outcome);
        Assert.Equal(2, fakes.Count(nameof(ReadPagesActivity)));
    }

    [Fact]
    public async Task RunAsync_TwoHundredPageFax_ReadsEveryPageOnceInBatches()
    {
        // Arrange
        var pagesRead = new System.Collections.Concurrent.ConcurrentBag<int>();
        var fakes = new FakeIntakeActivities
        {
            Preflight = _ => new PreflightResult(PreflightVerdict.Accepted, DocumentFormat.Tiff, 200, null, false, []),
        };
        var read = fakes.ReadPages;
        fakes.ReadPages = (input, attempt) =>
        {
            foreach (var page in input.Pages)
            {
                pagesRead.Add(page);
            }

            return read(input, attempt);
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(200, result.PageCount);
        Assert.Equal(Enumerable.Range(1, 200), pagesRead.Order());
        Assert.Equal(25, fakes.Count(nameof(ReadPagesActivity)));
    }

    [Fact]
    public async Task RunAsync_PacketOfThreeDocuments_RoutesEachAndFlagsReviewWhenOneHasExceptions()
    {
        // Arrange
        var fakes = new FakeIntakeActivities
        {
            Preflight = _ => new PreflightResult(PreflightVerdict.Accepted, DocumentFormat.Tiff, 6, null, false, []),
            Split = _ => [new DocumentSegment(1, 1, "cover"), new DocumentSegment(2, 4, "page-x-of-y"),
                new DocumentSegment(5, 6, "patient-change")],
            Summarize = segment => new SummarizeResult(10, segment.Index == 3),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.NeedsReview, result.Outcome);
        Assert.Equal([1, 2, 3], result.Documents.Select(document => document.Index));
        Assert.Equal([(2, 4)], result.Documents.Where(d => d.Index == 2).Select(d => (d.FirstPage, d.LastPage)));
        var reviewed = Assert.Single(result.Documents, document => document.IsReview);
        Assert.Equal(3, reviewed.Index);
        Assert.Contains(QuarantineReasons.ContentFiltered + ":summary", reviewed.Reasons);
    }

    [Theory]
    [InlineData(ApprovalDecision.Approve, "Approved", "records-referrals")]
    [InlineData(ApprovalDecision.Reject, "Rejected", "records-review")]
    public async Task RunAsync_DocumentInReview_WaitsForTheReviewerAndAppliesTheVerdict(
        ApprovalDecision decision, string expectedStatus, string expectedQueue)
    {
        // Arrange
        var fakes = new FakeIntakeActivities { SendToReview = _ => true };
        var approvals = new FakeApprovalActivities();
        var settings = FastSettings with { Review = ReviewSettings.Default };
        await using var host = await DurableTaskTestHost.StartAsync(registry =>
        {
            fakes.Register(registry);
            approvals.Register(registry);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Act
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(RecordsIntakeOrchestrator.Name,
            Request() with { Settings = settings });
        var approvalId = await approvals.FirstApprovalIdAsync(timeout.Token);
        var waiting = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        await host.Client.RaiseEventAsync($"{instanceId}-review-01", ApprovalEvents.Decided,
            new ApprovalDecidedEvent(approvalId, decision, "reviewer-7", "seen", DateTimeOffset.UnixEpoch, "test"),
            timeout.Token);
        var finished = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        // Assert
        var progress = waiting!.ReadCustomStatusAs<IntakeProgress>()!;
        Assert.Equal(IntakeProgress.AwaitingReview, progress.Phase);
        Assert.Equal(ReviewStatuses.Awaiting, Assert.Single(progress.Result.Documents).ReviewStatus);
        var card = Assert.Single(approvals.Posts);
        Assert.Equal(ApprovalKinds.RecordReview, card.Request.Kind);
        Assert.Equal(ReviewSettings.ApproverRole, card.Request.ApproverRole);
        var document = Assert.Single(finished.ReadOutputAs<IntakeResult>()!.Documents);
        Assert.Equal((expectedStatus, expectedQueue), (document.ReviewStatus, document.Queue));
        var applied = Assert.Single(fakes.AppliedReviews);
        Assert.Equal(("reviewer-7", "seen"), (applied.DecidedBy, applied.Comment));
        Assert.Equal(1, fakes.Count(nameof(FinishActivity)));
    }

    [Fact]
    public async Task RunAsync_DocumentInReviewWithoutReviewSettings_EndsWithoutPostingACard()
    {
        // Arrange
        var fakes = new FakeIntakeActivities { SendToReview = _ => true };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(IntakeOutcome.NeedsReview, result.Outcome);
        Assert.Null(Assert.Single(result.Documents).ReviewStatus);
        Assert.Equal(0, fakes.Count(nameof(PrepareReviewActivity)));
    }

    private static IntakeRequest Request() => new(
        "doc-0123456789abcdef",
        StorageNames.ScanInbox,
        new BlobReference(StorageNames.ScanInbox, "scan-001.pdf", 2048, new string('a', 64), "application/pdf"),
        FastSettings);

    private static async Task<IntakeResult> RunAsync(FakeIntakeActivities fakes, IntakeRequest request)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(RecordsIntakeOrchestrator.Name, request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<IntakeResult>()
            ?? throw new InvalidOperationException("The orchestration produced no result.");
    }
}
