namespace HipaaAi.Shared.Tests.Understanding;

/// <summary>A clock that always says the same instant, so date checks are repeatable.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
