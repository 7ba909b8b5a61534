using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace HipaaAi.Orchestrations.Tests.Approvals;

public sealed class ApprovalOrchestratorTests
{
    private const string Approvers = "records-reviewers";
    private const string Escalation = "records-supervisors";

    private static readonly RetryPlan FastRetry = new(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20));

    [Theory]
    [InlineData(ApprovalDecision.Approve)]
    [InlineData(ApprovalDecision.Reject)]
    [InlineData(ApprovalDecision.EditAndApprove)]
    public async Task RunAsync_DecisionArrives_ReturnsItWithDeciderCommentAndTime(ApprovalDecision decision)
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
            TimeSpan.FromDays(3));
        var decidedAt = new DateTimeOffset(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

        // Act
        var outcome = await RunAsync(fakes, Request(timing), async (client, instanceId, token) =>
        {
            var approvalId = await fakes.FirstApprovalIdAsync(token);
            await client.RaiseEventAsync(instanceId, ApprovalEvents.Decided,
                new ApprovalDecidedEvent(approvalId, decision, "staff-oid-1", "checked", decidedAt, "teams"), token);
        });

        // Assert
        Assert.Equal(ApprovalVerdict.Decided, outcome.Verdict);
        Assert.Equal(decision, outcome.Decision);
        Assert.Equal("staff-oid-1", outcome.DecidedBy);
        Assert.Equal("checked", outcome.Comment);
        Assert.Equal(decidedAt, outcome.DecidedAt);
        Assert.False(outcome.Escalated);
        Assert.Equal([(ApprovalStage.Initial, Approvers)], fakes.Delivered);
        Assert.Equal(ApprovalVerdict.Decided, Assert.Single(fakes.Closes).Verdict);
    }

    [Fact]
    public async Task RunAsync_NobodyDecides_RemindsTheApproverGroupAtTheIntervalUntilExpiry()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        var timing = new ApprovalTiming(TimeSpan.FromMilliseconds(500), null, TimeSpan.FromMilliseconds(1700),
            TimeSpan.FromDays(3));

        // Act
        var outcome = await RunAsync(fakes, Request(timing));

        // Assert
        Assert.Equal(ApprovalVerdict.Expired, outcome.Verdict);
        Assert.InRange(outcome.RemindersSent, 2, 3);
        Assert.Equal(ApprovalStage.Initial, fakes.Delivered[0].Stage);
        Assert.All(fakes.Delivered.Skip(1), post => Assert.Equal((ApprovalStage.Reminder, Approvers), post));
        Assert.Equal(outcome.RemindersSent + 1, fakes.Delivered.Count);
    }

    [Fact]
    public async Task RunAsync_NoDecisionBeforeEscalateAfter_PostsOnceToTheEscalationGroup()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        var timing = new ApprovalTiming(TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(300),
            TimeSpan.FromMilliseconds(1200), TimeSpan.FromDays(3));

        // Act
        var outcome = await RunAsync(fakes, Request(timing));

        // Assert
        Assert.True(outcome.Escalated);
        Assert.Equal(ApprovalVerdict.Expired, outcome.Verdict);
        Assert.Equal([(ApprovalStage.Initial, Approvers), (ApprovalStage.Escalation, Escalation)], fakes.Delivered);
    }

    [Fact]
    public async Task RunAsync_WaitLongerThanOneTimerSlice_ChainsTimersAndStillReceivesTheDecision()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), null, TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(100));

        // Act
        var outcome = await RunAsync(fakes, Request(timing), async (client, instanceId, token) =>
        {
            var approvalId = await fakes.FirstApprovalIdAsync(token);
            await Task.Delay(TimeSpan.FromMilliseconds(1200), token);
            await client.RaiseEventAsync(instanceId, ApprovalEvents.Decided, new ApprovalDecidedEvent(
                approvalId, ApprovalDecision.Approve, "provider-7", null, DateTimeOffset.UtcNow, "local"), token);
        });

        // Assert
        Assert.Equal(ApprovalVerdict.Decided, outcome.Verdict);
        Assert.Equal("provider-7", outcome.DecidedBy);
        Assert.Equal(0, outcome.RemindersSent);
        Assert.Equal([(ApprovalStage.Initial, Approvers)], fakes.Delivered);
    }

    [Fact]
    public async Task RunAsync_NoDecisionBeforeTimeout_EndsExpiredWithoutDecider()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), null, TimeSpan.FromMilliseconds(300),
            TimeSpan.FromDays(3));

        // Act
        var outcome = await RunAsync(fakes, Request(timing));

        // Assert
        Assert.Equal(ApprovalVerdict.Expired, outcome.Verdict);
        Assert.Null(outcome.Decision);
        Assert.Null(outcome.DecidedBy);
        Assert.False(outcome.IsApproved);
        Assert.Equal(ApprovalVerdict.Expired, Assert.Single(fakes.Closes).Verdict);
    }

    [Fact]
    public async Task RunAsync_DecisionRecordedJustBeforeTimeout_TheDecisionStands()
    {
        // Arrange
        var decidedAt = DateTimeOffset.UtcNow;
        var fakes = new FakeApprovalActivities
        {
            StandingAtClose = new StoredDecision(ApprovalDecision.Reject, "staff-oid-2", null, decidedAt, "teams"),
        };
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), null, TimeSpan.FromMilliseconds(200),
            TimeSpan.FromDays(3));

        // Act
        var outcome = await RunAsync(fakes, Request(timing));

        // Assert
        Assert.Equal(ApprovalVerdict.Decided, outcome.Verdict);
        Assert.Equal(ApprovalDecision.Reject, outcome.Decision);
        Assert.Equal("staff-oid-2", outcome.DecidedBy);
    }

    [Fact]
    public async Task RunAsync_ApproverChannelFails_EscalatesAtOnceInsteadOfDropping()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        fakes.UnreachableGroups.Add(Approvers);
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), null, TimeSpan.FromMilliseconds(800),
            TimeSpan.FromDays(3));

        // Act
        var outcome = await RunAsync(fakes, Request(timing));

        // Assert
        Assert.True(outcome.Escalated);
        Assert.Equal(FastRetry.MaxAttempts, fakes.Posts.Count(post => post.Group == Approvers));
        Assert.Equal([(ApprovalStage.Escalation, Escalation)], fakes.Delivered);
        Assert.Equal(ApprovalVerdict.Expired, outcome.Verdict);
    }

    [Fact]
    public async Task RunAsync_NoChannelReachable_EndsUndelivered()
    {
        // Arrange
        var fakes = new FakeApprovalActivities();
        fakes.UnreachableGroups.Add(Approvers);
        fakes.UnreachableGroups.Add(Escalation);

        // Act
        var outcome = await RunAsync(fakes, Request(ApprovalTiming.Default));

        // Assert
        Assert.Equal(ApprovalVerdict.Undelivered, outcome.Verdict);
        Assert.Equal(ApprovalVerdict.Undelivered, Assert.Single(fakes.Closes).Verdict);
    }

    [Theory]
    [InlineData(14, 3, 1)]
    [InlineData(30, 3, 2)]
    [InlineData(90, 3, 7)]
    public void NextWake_WeeksLongWait_NoTimerIsLongerThanTheSlice(int timeoutDays, int sliceDays, int reminderDays)
    {
        // Arrange
        var start = new DateTime(2025, 1, 6, 8, 0, 0, DateTimeKind.Utc);
        var deadline = start.AddDays(timeoutDays);
        var slice = TimeSpan.FromDays(sliceDays);
        var reminder = TimeSpan.FromDays(reminderDays);
        var now = start;
        var nextReminder = start + reminder;
        var timers = 0;

        // Act
        while (now < deadline)
        {
            var wake = ApprovalSchedule.NextWake(now, deadline, nextReminder, null, slice);
            Assert.InRange(wake - now, TimeSpan.FromTicks(1), slice);
            now = wake;
            if (now >= nextReminder)
            {
                nextReminder = now + reminder;
            }

            timers++;
        }

        // Assert
        Assert.Equal(deadline, now);
        Assert.True(timers >= timeoutDays / sliceDays, $"{timers} timers");
    }

    [Fact]
    public void Validate_EscalationAfterTheTimeout_Throws()
    {
        // Arrange
        var timing = new ApprovalTiming(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(1),
            TimeSpan.FromDays(1));

        // Act
        var failure = Record.Exception(timing.Validate);

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(failure);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 4)]
    public void Validate_BadTiming_Throws(int reminderHours, int timeoutHours, int sliceDays)
    {
        // Arrange
        var timing = new ApprovalTiming(TimeSpan.FromHours(reminderHours), null, TimeSpan.FromHours(timeoutHours),
            TimeSpan.FromDays(sliceDays));

        // Act
        var failure = Record.Exception(timing.Validate);

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(failure);
    }

    private static ApprovalRequest Request(ApprovalTiming timing) => new(
        Workflow.RecordsIntake,
        "doc-7f3a/02",
        ApprovalKinds.RecordReview,
        "Review a referral with a patient mismatch",
        [new ApprovalFact("Document", "Referral, pages 3-5"), new ApprovalFact("Patient", "J. D*** (MRN ***4821)")],
        0.62,
        ["PatientMismatch:page-4"],
        new Uri("https://records.example.internal/documents/doc-7f3a/02"),
        [ApprovalDecision.Approve, ApprovalDecision.Reject, ApprovalDecision.EditAndApprove],
        "RecordsReviewer",
        Approvers,
        Escalation,
        timing,
        FastRetry);

    private static async Task<ApprovalOutcome> RunAsync(
        FakeApprovalActivities fakes,
        ApprovalRequest request,
        Func<DurableTaskClient, string, CancellationToken, Task>? meanwhile = null)
    {
        await using var host = await DurableTaskTestHost.StartAsync(fakes.Register);
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(ApprovalOrchestrator.Name, request);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (meanwhile is not null)
        {
            await meanwhile(host.Client, instanceId, timeout.Token);
        }

        var metadata = await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true,
            timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<ApprovalOutcome>()
            ?? throw new InvalidOperationException("The orchestration produced no result.");
    }
}
