using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;

namespace HipaaAi.Orchestrations.BillingReview.Trigger;

/// <summary>
/// Billing-review workflow settings, bound from the <c>BillingReview</c> section beside the checks' own options
/// (<see cref="BillingReviewOptions"/>, whose <c>StaffReviewThreshold</c> decides which claims go to staff).
/// </summary>
public sealed class BillingWorkflowOptions
{
    public const string Section = "BillingReview:Workflow";

    public int MaxAttempts { get; set; } = RetryPlan.Default.MaxAttempts;

    public double FirstRetryDelaySeconds { get; set; } = RetryPlan.Default.FirstDelay.TotalSeconds;

    public double MaxRetryDelaySeconds { get; set; } = RetryPlan.Default.MaxDelay.TotalSeconds;

    public double ApprovalReminderHours { get; set; } = ApprovalTiming.Default.ReminderInterval.TotalHours;

    public double ApprovalEscalateAfterHours { get; set; } = ApprovalTiming.Default.EscalateAfter!.Value.TotalHours;

    public double ApprovalTimeoutHours { get; set; } = ApprovalTiming.Default.Timeout.TotalHours;

    /// <summary>The largest queue message accepted as a claim (a queue message is at most 64 KB anyway).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public BillingSettings ToSettings(FindingSeverity threshold)
    {
        var retry = new RetryPlan(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds),
            TimeSpan.FromSeconds(MaxRetryDelaySeconds));
        retry.Validate();
        var timing = new ApprovalTiming(TimeSpan.FromHours(ApprovalReminderHours),
            TimeSpan.FromHours(ApprovalEscalateAfterHours), TimeSpan.FromHours(ApprovalTimeoutHours),
            ApprovalTiming.LongestTimerSlice);
        timing.Validate();
        return new BillingSettings(threshold, retry, timing);
    }
}
