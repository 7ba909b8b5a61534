using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation.Models;

namespace HipaaAi.Orchestrations.Dictation.Trigger;

/// <summary>Dictation settings, bound from the <c>Dictation</c> configuration section.</summary>
public sealed class DictationOptions
{
    public const string Section = "Dictation";

    /// <summary>The role that may sign notes; <c>Approvals:DeciderRoles:NoteSignature</c> may widen it.</summary>
    public string SignerRole { get; set; } = DictationSettings.ProviderRole;

    public string SignerGroup { get; set; } = DictationSettings.Default.SignerGroup;

    public string EscalationGroup { get; set; } = DictationSettings.Default.EscalationGroup;

    /// <summary>Where the card's "open" link points: the EHR or viewer page for a dictation id, inside the boundary.</summary>
    public Uri NoteLinkBase { get; set; } = DictationSettings.Default.NoteLinkBase;

    public double ReviewReminderHours { get; set; } = ApprovalTiming.Default.ReminderInterval.TotalHours;

    public double ReviewEscalateHours { get; set; } = ApprovalTiming.Default.EscalateAfter!.Value.TotalHours;

    public double ReviewTimeoutHours { get; set; } = ApprovalTiming.Default.Timeout.TotalHours;

    public int MaxAttempts { get; set; } = RetryPlan.Default.MaxAttempts;

    public double FirstRetryDelaySeconds { get; set; } = RetryPlan.Default.FirstDelay.TotalSeconds;

    public double MaxRetryDelaySeconds { get; set; } = RetryPlan.Default.MaxDelay.TotalSeconds;

    public DictationSettings ToSettings()
    {
        var retry = new RetryPlan(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds),
            TimeSpan.FromSeconds(MaxRetryDelaySeconds));
        retry.Validate();
        var review = new ApprovalTiming(TimeSpan.FromHours(ReviewReminderHours), TimeSpan.FromHours(ReviewEscalateHours),
            TimeSpan.FromHours(ReviewTimeoutHours), ApprovalTiming.LongestTimerSlice);
        review.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(SignerRole);
        return new DictationSettings(retry, review, SignerRole, SignerGroup, EscalationGroup,
            NoteLinkBase.AbsoluteUri.EndsWith('/') ? NoteLinkBase : new Uri(NoteLinkBase.AbsoluteUri + "/"));
    }
}
