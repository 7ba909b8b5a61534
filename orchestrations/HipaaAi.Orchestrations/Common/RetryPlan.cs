namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// How many times an activity is tried and how long to wait between tries (doubling from the first delay, capped).
/// It travels in the orchestration input so a replay always sees the plan the instance started with.
/// </summary>
public sealed record RetryPlan(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static RetryPlan Default { get; } = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    public TimeSpan DelayBefore(int nextAttempt)
    {
        var factor = Math.Pow(2, Math.Max(0, nextAttempt - 2));
        var delay = TimeSpan.FromMilliseconds(FirstDelay.TotalMilliseconds * factor);
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (FirstDelay < TimeSpan.Zero || MaxDelay < FirstDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(FirstDelay), FirstDelay, "Delays must be positive and ordered.");
        }
    }
}
