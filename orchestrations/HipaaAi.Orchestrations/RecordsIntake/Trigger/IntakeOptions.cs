using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;

namespace HipaaAi.Orchestrations.RecordsIntake.Trigger;

/// <summary>Records-intake settings, bound from the <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    public int PagesPerReadBatch { get; set; } = IntakeSettings.Default.PagesPerReadBatch;

    /// <summary>How long to wait for an empty blob to be written before it is quarantined as empty.</summary>
    public int EmptyFileGraceSeconds { get; set; } = (int)IntakeSettings.Default.EmptyFileGrace.TotalSeconds;

    public int EmptyFileChecks { get; set; } = IntakeSettings.Default.EmptyFileChecks;

    public int MaxAttempts { get; set; } = RetryPlan.Default.MaxAttempts;

    public double FirstRetryDelaySeconds { get; set; } = RetryPlan.Default.FirstDelay.TotalSeconds;

    public double MaxRetryDelaySeconds { get; set; } = RetryPlan.Default.MaxDelay.TotalSeconds;

    /// <summary>Put documents routed to review before staff as approval cards (<c>Intake:Review:*</c>).</summary>
    public ReviewOptions Review { get; set; } = new();

    public IntakeSettings ToSettings()
    {
        var retry = new RetryPlan(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds),
            TimeSpan.FromSeconds(MaxRetryDelaySeconds));
        retry.Validate();
        if (PagesPerReadBatch < 1 || EmptyFileChecks < 1 || EmptyFileGraceSeconds < 0)
        {
            throw new InvalidOperationException(
                "Intake settings need PagesPerReadBatch >= 1, EmptyFileChecks >= 1 and EmptyFileGraceSeconds >= 0.");
        }

        return new IntakeSettings(PagesPerReadBatch, TimeSpan.FromSeconds(EmptyFileGraceSeconds), EmptyFileChecks, retry,
            Review.ToSettings());
    }
}

/// <summary>Approval of records in review, bound from <c>Intake:Review</c>.</summary>
public sealed class ReviewOptions
{
    public bool Enabled { get; set; } = ReviewSettings.Default.Enabled;

    public string ApproverGroup { get; set; } = ReviewSettings.Default.ApproverGroup;

    public string EscalationGroup { get; set; } = ReviewSettings.Default.EscalationGroup;

    public double ReminderHours { get; set; } = ReviewSettings.Default.Timing.ReminderInterval.TotalHours;

    /// <summary>Hours before the card also goes to the escalation group; 0 never escalates.</summary>
    public double EscalateAfterHours { get; set; } =
        ReviewSettings.Default.Timing.EscalateAfter?.TotalHours ?? 0;

    public double TimeoutHours { get; set; } = ReviewSettings.Default.Timing.Timeout.TotalHours;

    public ReviewSettings? ToSettings()
    {
        if (!Enabled)
        {
            return null;
        }

        var timing = new ApprovalTiming(TimeSpan.FromHours(ReminderHours),
            EscalateAfterHours > 0 ? TimeSpan.FromHours(EscalateAfterHours) : null,
            TimeSpan.FromHours(TimeoutHours), ApprovalTiming.LongestTimerSlice);
        timing.Validate();
        return new ReviewSettings(true, ApproverGroup, EscalationGroup, timing);
    }
}
