using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;

namespace HipaaAi.Orchestrations.PriorAuthorization.Trigger;

/// <summary>Prior-authorization settings, bound from the <c>PriorAuth</c> configuration section.</summary>
public sealed class PriorAuthOptions
{
    public const string Section = "PriorAuth";

    /// <summary>The folder of payer criteria files; the criteria shipped beside the binaries when empty.</summary>
    public string? CriteriaDirectory { get; set; }

    public int MaxAttempts { get; set; } = RetryPlan.Default.MaxAttempts;

    public double FirstRetryDelaySeconds { get; set; } = RetryPlan.Default.FirstDelay.TotalSeconds;

    public double MaxRetryDelaySeconds { get; set; } = RetryPlan.Default.MaxDelay.TotalSeconds;

    public double ApprovalReminderHours { get; set; } = ApprovalTiming.Default.ReminderInterval.TotalHours;

    public double ApprovalEscalateHours { get; set; } = ApprovalTiming.Default.EscalateAfter!.Value.TotalHours;

    public double ApprovalTimeoutHours { get; set; } = ApprovalTiming.Default.Timeout.TotalHours;

    public double PollIntervalSeconds { get; set; } = PriorAuthSettings.Default.PollInterval.TotalSeconds;

    public double EscalateAfterSeconds { get; set; } = PriorAuthSettings.Default.EscalateAfter.TotalSeconds;

    public double GiveUpAfterSeconds { get; set; } = PriorAuthSettings.Default.GiveUpAfter.TotalSeconds;

    public string CaseLinkBase { get; set; } = PriorAuthSettings.Default.CaseLinkBase.AbsoluteUri;

    public string ResolveCriteriaDirectory() =>
        string.IsNullOrWhiteSpace(CriteriaDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "PriorAuthorization", "Config", "criteria")
            : CriteriaDirectory;

    public PriorAuthSettings ToSettings()
    {
        var retry = new RetryPlan(MaxAttempts, TimeSpan.FromSeconds(FirstRetryDelaySeconds),
            TimeSpan.FromSeconds(MaxRetryDelaySeconds));
        retry.Validate();
        var approval = new ApprovalTiming(TimeSpan.FromHours(ApprovalReminderHours),
            TimeSpan.FromHours(ApprovalEscalateHours), TimeSpan.FromHours(ApprovalTimeoutHours),
            ApprovalTiming.LongestTimerSlice);
        approval.Validate();
        if (PollIntervalSeconds <= 0 || EscalateAfterSeconds <= 0 || GiveUpAfterSeconds < EscalateAfterSeconds)
        {
            throw new InvalidOperationException(
                "PriorAuth needs PollIntervalSeconds > 0, EscalateAfterSeconds > 0 and GiveUpAfterSeconds >= EscalateAfterSeconds.");
        }

        var link = CaseLinkBase.EndsWith('/') ? CaseLinkBase : CaseLinkBase + "/";
        return new PriorAuthSettings(retry, 8, approval, TimeSpan.FromSeconds(PollIntervalSeconds),
            TimeSpan.FromSeconds(EscalateAfterSeconds), TimeSpan.FromSeconds(GiveUpAfterSeconds), new Uri(link));
    }
}
