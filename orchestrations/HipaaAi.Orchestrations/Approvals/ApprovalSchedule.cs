namespace HipaaAi.Orchestrations.Approvals;

/// <summary>When an approval next wakes up without a decision: the earliest due step, and never later than one slice.</summary>
internal static class ApprovalSchedule
{
    public static DateTime NextWake(
        DateTime now,
        DateTime deadline,
        DateTime nextReminder,
        DateTime? escalateAt,
        TimeSpan maxSlice)
    {
        var wake = now + maxSlice;
        wake = Earliest(wake, deadline);
        wake = Earliest(wake, nextReminder);
        if (escalateAt is { } escalation)
        {
            wake = Earliest(wake, escalation);
        }

        return wake < now ? now : wake;
    }

    private static DateTime Earliest(DateTime first, DateTime second) => first <= second ? first : second;
}
