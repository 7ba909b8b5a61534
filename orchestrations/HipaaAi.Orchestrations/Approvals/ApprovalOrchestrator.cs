using HipaaAi.Orchestrations.Approvals.Activities;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.Approvals;

/// <summary>
/// The one way a workflow waits for a human decision, as a sub-orchestration: post a card to the approver group,
/// then wait for <see cref="ApprovalEvents.Decided"/> against durable timers (each at most
/// <see cref="ApprovalTiming.MaxTimerSlice"/>, so waits of weeks are chained), reminding at the interval, escalating
/// to the second group once, and ending <see cref="ApprovalVerdict.Expired"/> at the timeout. Deterministic: time
/// comes from the context and the approval id from <c>context.NewGuid()</c>.
/// </summary>
public static class ApprovalOrchestrator
{
    public const string Name = nameof(ApprovalOrchestrator);

    public static async Task<ApprovalOutcome> RunAsync(TaskOrchestrationContext context, ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        var logger = context.CreateReplaySafeLogger(typeof(ApprovalOrchestrator));
        var timing = request.Timing;
        var run = new ApprovalRun(context, request, context.NewGuid().ToString("N"), context.CurrentUtcDateTime);
        DateTime? escalateAt = timing.EscalateAfter is { } after ? run.Started + after : null;
        ApprovalLogs.Waiting(logger, context.InstanceId, run.ApprovalId, run.Deadline);

        // One waiter for the whole approval, raced against a fresh timer each round.
        var decided = context.WaitForExternalEvent<ApprovalDecidedEvent>(ApprovalEvents.Decided);

        if (!await run.TryPostAsync(ApprovalStage.Initial, request.ApproverGroup, logger))
        {
            // Never drop an approval silently: if the approver group cannot be reached, escalate at once.
            run.Escalated = true;
            if (!await run.TryPostAsync(ApprovalStage.Escalation, request.EscalationGroup, logger))
            {
                return await run.CloseAsync(ApprovalVerdict.Undelivered, logger);
            }
        }

        var nextReminder = run.Started + timing.ReminderInterval;
        while (true)
        {
            var now = context.CurrentUtcDateTime;
            if (now >= run.Deadline)
            {
                return await run.CloseAsync(ApprovalVerdict.Expired, logger);
            }

            if (!run.Escalated && escalateAt <= now)
            {
                run.Escalated = true;
                await run.TryPostAsync(ApprovalStage.Escalation, request.EscalationGroup, logger);
                nextReminder = now + timing.ReminderInterval;
            }
            else if (now >= nextReminder)
            {
                run.Reminders++;
                var group = run.Escalated ? request.EscalationGroup : request.ApproverGroup;
                if (!await run.TryPostAsync(ApprovalStage.Reminder, group, logger) && !run.Escalated)
                {
                    run.Escalated = true;
                    await run.TryPostAsync(ApprovalStage.Escalation, request.EscalationGroup, logger);
                }

                nextReminder = now + timing.ReminderInterval;
            }

            var wake = ApprovalSchedule.NextWake(now, run.Deadline, nextReminder, run.Escalated ? null : escalateAt,
                timing.MaxTimerSlice);
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(wake, cancelTimer.Token);
            if (await Task.WhenAny(decided, timer) != decided)
            {
                continue;
            }

            // Synchronous on purpose: orchestrator code must not hop to the thread pool.
#pragma warning disable CA1849
            cancelTimer.Cancel();
#pragma warning restore CA1849
            var decision = await decided;
            if (!string.Equals(decision.ApprovalId, run.ApprovalId, StringComparison.Ordinal))
            {
                // Not for this approval (a stray event): keep waiting for the real one.
                decided = context.WaitForExternalEvent<ApprovalDecidedEvent>(ApprovalEvents.Decided);
                continue;
            }

            return await run.CloseAsync(ApprovalVerdict.Decided, logger,
                new StoredDecision(decision.Decision, decision.DecidedBy, decision.Comment, decision.DecidedAt,
                    decision.Channel));
        }
    }

    /// <summary>The state of one approval while it waits.</summary>
    private sealed class ApprovalRun(
        TaskOrchestrationContext context,
        ApprovalRequest request,
        string approvalId,
        DateTime started)
    {
        private int _sequence;

        public string ApprovalId { get; } = approvalId;

        public DateTime Started { get; } = started;

        public DateTime Deadline { get; } = started + request.Timing.Timeout;

        public bool Escalated { get; set; }

        public int Reminders { get; set; }

        public async Task<bool> TryPostAsync(ApprovalStage stage, string group, ILogger logger)
        {
            var input = new PostApprovalCardInput(ApprovalId, request, stage, ++_sequence, group,
                new DateTimeOffset(Started, TimeSpan.Zero), new DateTimeOffset(Deadline, TimeSpan.Zero));
            try
            {
                await context.CallWorkflowActivityAsync<PostApprovalCardInput, PostApprovalCardResult>(
                    nameof(PostApprovalCardActivity), request.Workflow, input, request.Retry);
                return true;
            }
            catch (TaskFailedException)
            {
                ApprovalLogs.PostExhausted(logger, context.InstanceId, stage, ApprovalId);
                return false;
            }
        }

        public async Task<ApprovalOutcome> CloseAsync(ApprovalVerdict verdict, ILogger logger, StoredDecision? decided = null)
        {
            var closed = await context.CallWorkflowActivityAsync<CloseApprovalInput, CloseApprovalResult>(
                nameof(CloseApprovalActivity), request.Workflow,
                new CloseApprovalInput(ApprovalId, request.SubjectId, verdict), request.Retry);

            // A staff decision recorded just before the timeout stands over the timeout.
            var standing = decided ?? closed.Standing;
            var outcome = standing?.Decision is { } decision
                ? new ApprovalOutcome(ApprovalId, ApprovalVerdict.Decided, decision, standing.DecidedBy, standing.Comment,
                    standing.DecidedAt, Escalated, Reminders)
                : new ApprovalOutcome(ApprovalId, verdict, null, null, null, null, Escalated, Reminders);
            ApprovalLogs.Finished(logger, context.InstanceId, ApprovalId, outcome.Verdict, Reminders);
            return outcome;
        }
    }
}
