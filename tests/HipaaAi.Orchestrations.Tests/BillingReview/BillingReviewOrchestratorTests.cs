using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace HipaaAi.Orchestrations.Tests.BillingReview;

public sealed class BillingReviewOrchestratorTests
{
    private const string FileId = "clm-0123456789abcdef0123456789abcdef";

    private static readonly BillingSettings FastSettings = BillingSettings.Default with
    {
        Retry = new RetryPlan(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)),
    };

    [Fact]
    public async Task RunAsync_CleanClaim_IsReleasedWithoutStaffReviewAndTheFileArchived()
    {
        // Arrange
        var fakes = new FakeBillingActivities();

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(ClaimFileOutcome.Completed, result.Outcome);
        var claim = Assert.Single(result.Claims);
        Assert.Equal(ClaimOutcome.Released, claim.Outcome);
        Assert.False(claim.StaffReviewed);
        Assert.Empty(fakes.Approvals);
        Assert.Equal(ReleaseKind.AsReceived, Assert.Single(fakes.Releases).Kind);
        Assert.Equal(1, fakes.Count(nameof(FinishClaimFileActivity)));
    }

    [Fact]
    public async Task RunAsync_MalformedFile_IsQuarantinedWithTheParsersReasonAndNothingElseRuns()
    {
        // Arrange
        var fakes = new FakeBillingActivities
        {
            Parse = (_, _) => new ParseClaimsResult(false, "X12", BillingReasons.MalformedClaimFile,
                "X12 error at segment 12 (CLM) element CLM02: not a number", []),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(ClaimFileOutcome.Quarantined, result.Outcome);
        Assert.Equal(BillingReasons.MalformedClaimFile, result.QuarantineReason);
        var quarantine = Assert.Single(fakes.Quarantines);
        Assert.Equal("X12 error at segment 12 (CLM) element CLM02: not a number", quarantine.Detail);
        Assert.Equal(0, fakes.Count(nameof(CheckClaimActivity)));
        Assert.Equal(0, fakes.Count(nameof(FinishClaimFileActivity)));
    }

    [Theory]
    [InlineData(ApprovalDecision.Approve, ClaimOutcome.Released)]
    [InlineData(ApprovalDecision.EditAndApprove, ClaimOutcome.Corrected)]
    [InlineData(ApprovalDecision.Reject, ClaimOutcome.Rejected)]
    public async Task RunAsync_ClaimWithErrorFindings_WaitsForStaffAndFollowsTheirDecision(
        ApprovalDecision decision, ClaimOutcome expected)
    {
        // Arrange
        var fakes = new FakeBillingActivities
        {
            Checks = _ => (2, FindingSeverity.Error),
            Decide = _ => decision,
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        var claim = Assert.Single(result.Claims);
        Assert.True(claim.StaffReviewed);
        Assert.Equal(decision.ToString(), claim.Decision);
        Assert.Equal(expected, claim.Outcome);
        Assert.Equal(decision == ApprovalDecision.Reject ? 0 : 1, fakes.Releases.Count);
        var approval = Assert.Single(fakes.Approvals);
        Assert.Equal(ApprovalKinds.BillingFinding, approval.Kind);
        Assert.Equal(Workflow.BillingReview, approval.Workflow);
        Assert.Equal(
            [ApprovalDecision.Approve, ApprovalDecision.EditAndApprove, ApprovalDecision.Reject],
            approval.AllowedDecisions);
    }

    [Fact]
    public async Task RunAsync_ApprovalThatExpires_HoldsTheClaimAndReleasesNothing()
    {
        // Arrange
        var fakes = new FakeBillingActivities { Checks = _ => (1, FindingSeverity.Error), Decide = _ => null };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(ClaimOutcome.Held, Assert.Single(result.Claims).Outcome);
        Assert.Empty(fakes.Releases);
    }

    [Theory]
    [InlineData(FindingSeverity.Warning, FindingSeverity.Warning, true)]
    [InlineData(FindingSeverity.Warning, FindingSeverity.Error, false)]
    [InlineData(FindingSeverity.Info, FindingSeverity.Warning, false)]
    public async Task RunAsync_FindingsAgainstTheThreshold_GoToStaffOnlyAtOrAboveIt(
        FindingSeverity highest, FindingSeverity threshold, bool expectReview)
    {
        // Arrange
        var fakes = new FakeBillingActivities { Checks = _ => (1, highest) };
        var settings = FastSettings with { StaffReviewThreshold = threshold };

        // Act
        var result = await RunAsync(fakes, Request(settings));

        // Assert
        Assert.Equal(expectReview, Assert.Single(result.Claims).StaffReviewed);
        Assert.Equal(expectReview ? 1 : 0, fakes.Approvals.Count);
    }

    [Fact]
    public async Task RunAsync_FileOfThreeClaims_FansOutPerClaimWithOneApprovalPerFlaggedClaim()
    {
        // Arrange
        var fakes = new FakeBillingActivities
        {
            Parse = (input, _) => FakeBillingActivities.Accepted(input.FileId, 3),
            Checks = index => index == 2 ? (1, FindingSeverity.Error) : (0, null),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal([1, 2, 3], result.Claims.Select(claim => claim.Index));
        Assert.Equal([false, true, false], result.Claims.Select(claim => claim.StaffReviewed));
        Assert.Equal(3, fakes.Count(nameof(CheckClaimActivity)));
        Assert.Equal(3, fakes.Count(nameof(CheckDocumentationActivity)));
        Assert.Equal($"{FileId}/claim-002", Assert.Single(fakes.Approvals).SubjectId);
        Assert.Equal(3, fakes.Releases.Count);
    }

    [Fact]
    public async Task RunAsync_StepThatAlwaysFails_RetriesThenQuarantinesNamingTheStep()
    {
        // Arrange
        var fakes = new FakeBillingActivities
        {
            Documentation = (_, _) => throw new IOException("records store down"),
        };

        // Act
        var result = await RunAsync(fakes, Request());

        // Assert
        Assert.Equal(ClaimFileOutcome.Quarantined, result.Outcome);
        Assert.Equal($"{QuarantineReasons.ProcessingFailed}:{nameof(CheckDocumentationActivity)}",
            result.QuarantineReason);
        Assert.Equal(3, fakes.Count(nameof(CheckDocumentationActivity)));
        Assert.Single(fakes.Quarantines);
        Assert.Empty(fakes.Releases);
    }

    [Fact]
    public async Task RunAsync_ApprovalCard_CarriesOnlyPositionsCountsAndRuleIds()
    {
        // Arrange
        var fakes = new FakeBillingActivities { Checks = _ => (3, FindingSeverity.Error) };

        // Act
        await RunAsync(fakes, Request());

        // Assert
        var approval = Assert.Single(fakes.Approvals);
        var facts = string.Join('\n', approval.Facts.Select(fact => $"{fact.Label}: {fact.Value}"));
        Assert.Contains("claim 1 of file", facts, StringComparison.Ordinal);
        Assert.Contains($"{BillingRules.PtpNotBypassable} x3", facts, StringComparison.Ordinal);
        Assert.Equal([BillingRules.PtpNotBypassable], approval.Exceptions);
        Assert.EndsWith(BillingBlobs.Summary(FileId, 1), approval.RecordLink.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithTheRealApprovalSubOrchestration_ResumesOnTheStaffDecision()
    {
        // Arrange
        var approvals = new Approvals.FakeApprovalActivities();
        var fakes = new FakeBillingActivities { Checks = _ => (1, FindingSeverity.Error), RealApprovals = approvals };
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Act
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(BillingReviewOrchestrator.Name,
            Request());
        var approvalId = await approvals.FirstApprovalIdAsync(timeout.Token);
        await host.Client.RaiseEventAsync($"{instanceId}-review-001", ApprovalEvents.Decided,
            new ApprovalDecidedEvent(approvalId, ApprovalDecision.EditAndApprove, "staff-2", null,
                DateTimeOffset.UtcNow, "local"), timeout.Token);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        // Assert
        var claim = Assert.Single(metadata.ReadOutputAs<BillingResult>()!.Claims);
        Assert.Equal(ClaimOutcome.Corrected, claim.Outcome);
        Assert.Equal("staff-2", Assert.Single(fakes.Releases).DecidedBy);
    }

    private static BillingRequest Request(BillingSettings? settings = null) => new(
        FileId,
        new BlobReference(StorageNames.ClaimsInbox, "claims-001.837", 2048, new string('a', 64), null),
        new Uri("http://127.0.0.1:10000/devstoreaccount1/"),
        settings ?? FastSettings);

    private static async Task<BillingResult> RunAsync(FakeBillingActivities fakes, BillingRequest request)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(BillingReviewOrchestrator.Name,
            request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<BillingResult>()
            ?? throw new InvalidOperationException("The orchestration produced no result.");
    }
}
