using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Shared.Approvals;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace HipaaAi.Orchestrations.Tests.PriorAuthorization;

public sealed class PriorAuthorizationOrchestratorTests
{
    private static readonly PriorAuthSettings FastSettings = new(
        new RetryPlan(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)),
        8,
        new ApprovalTiming(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30),
            TimeSpan.FromDays(3)),
        TimeSpan.FromMilliseconds(200),
        TimeSpan.FromMilliseconds(700),
        TimeSpan.FromMilliseconds(1500),
        new Uri("http://127.0.0.1/prior-auth/"));

    [Fact]
    public async Task RunAsync_StaffApproveAndPayerApprovesAfterPending_SubmitsOnceMonitorsAndEndsApproved()
    {
        // Arrange
        var fakes = new FakePriorAuthActivities();
        fakes.PayerAnswers.Clear();
        fakes.PayerAnswers.AddRange([PayerStatus.Pending, PayerStatus.Approved]);

        // Act
        var result = await RunAsync(fakes, ApprovalDecision.Approve);

        // Assert
        Assert.Equal(PriorAuthOutcome.PayerApproved, result.Outcome);
        Assert.True(result.PacketReady);
        Assert.Equal("sub-1", result.SubmissionId);
        Assert.Equal(1, fakes.Count(nameof(SubmitPacketActivity)));
        Assert.Equal(2, fakes.Polls);
        Assert.False(result.Escalated);
        Assert.Equal([StaffNoticeReasons.PayerApproved], fakes.Notices.Select(notice => notice.Reason));
    }

    [Fact]
    public async Task RunAsync_UnprocessedSourceAndIntakeRecord_ReusesIntakeActivitiesAndClassifiesOnlyTheNewOne()
    {
        // Arrange
        var fakes = new FakePriorAuthActivities();

        // Act
        await RunAsync(fakes, ApprovalDecision.Approve);

        // Assert
        Assert.Equal(2, fakes.Intake.Count(nameof(PreflightActivity)));
        Assert.Equal(2, fakes.Intake.Count(nameof(ReadPagesActivity)));
        Assert.Equal(1, fakes.Intake.Count(nameof(SplitActivity)));
        Assert.Equal(1, fakes.Intake.Count(nameof(ClassifyActivity)));
        Assert.Equal(2, fakes.Intake.Count(nameof(ExtractActivity)));
    }

    [Fact]
    public async Task RunAsync_StaffRejectThePacket_ReturnsItToStaffWithTheExceptionsAndSubmitsNothing()
    {
        // Arrange
        var fakes = new FakePriorAuthActivities { AssessmentExceptions = ["CriterionWithoutEvidence:step-therapy"] };

        // Act
        var result = await RunAsync(fakes, ApprovalDecision.Reject);

        // Assert
        Assert.Equal(PriorAuthOutcome.ReturnedToStaff, result.Outcome);
        Assert.False(result.PacketReady);
        Assert.Equal(0, fakes.Count(nameof(SubmitPacketActivity)));
        var notice = Assert.Single(fakes.Notices);
        Assert.Equal(StaffNoticeReasons.PacketRejected, notice.Reason);
        Assert.Equal(["CriterionWithoutEvidence:step-therapy"], notice.Codes);
        Assert.Equal(["CriterionWithoutEvidence:step-therapy"],
            Assert.Single(fakes.Approvals.Posts).Request.Exceptions);
    }

    [Theory]
    [InlineData(PayerStatus.Denied, PriorAuthOutcome.PayerDenied, StaffNoticeReasons.PayerDenied)]
    [InlineData(PayerStatus.MoreInformationRequested, PriorAuthOutcome.MoreInformationRequested,
        StaffNoticeReasons.MoreInformationRequested)]
    public async Task RunAsync_PayerDeniesOrAsksForMore_RoutesItBackToStaff(
        PayerStatus answer,
        PriorAuthOutcome expectedOutcome,
        string expectedNotice)
    {
        // Arrange
        var fakes = new FakePriorAuthActivities();
        fakes.PayerAnswers.Clear();
        fakes.PayerAnswers.Add(answer);

        // Act
        var result = await RunAsync(fakes, ApprovalDecision.Approve);

        // Assert
        Assert.Equal(expectedOutcome, result.Outcome);
        Assert.Equal([expectedNotice], fakes.Notices.Select(notice => notice.Reason));
    }

    [Fact]
    public async Task RunAsync_PayerStaysPending_EscalatesOnceThenStopsWatchingAndTellsStaff()
    {
        // Arrange
        var fakes = new FakePriorAuthActivities();
        fakes.PayerAnswers.Clear();
        fakes.PayerAnswers.Add(PayerStatus.Pending);

        // Act
        var result = await RunAsync(fakes, ApprovalDecision.Approve);

        // Assert
        Assert.Equal(PriorAuthOutcome.MonitoringTimedOut, result.Outcome);
        Assert.True(result.Escalated);
        Assert.Equal([StaffNoticeReasons.PendingTooLong, StaffNoticeReasons.MonitoringTimedOut],
            fakes.Notices.Select(notice => notice.Reason));
        Assert.InRange(fakes.Polls, 5, 12);
    }

    private static async Task<PriorAuthResult> RunAsync(FakePriorAuthActivities fakes, ApprovalDecision decision)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var request = new PriorAuthRequest("pa-case-0123", "prior-auth/pa-case-0123/request.json", FastSettings);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(PriorAuthorizationOrchestrator.Name,
            request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var approvalId = await fakes.Approvals.FirstApprovalIdAsync(timeout.Token);
        await host.Client.RaiseEventAsync($"{instanceId}-approval", ApprovalEvents.Decided,
            new ApprovalDecidedEvent(approvalId, decision, "coordinator-1", null, DateTimeOffset.UtcNow, "teams"),
            timeout.Token);

        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<PriorAuthResult>()
            ?? throw new InvalidOperationException("The orchestration produced no result.");
    }
}
