namespace HipaaAi.Shared.Ai;

/// <summary>The outcome names written into <see cref="ModelCall.Outcome"/>, so audit queries can rely on them.</summary>
public static class ModelCallOutcomes
{
    public const string Succeeded = "succeeded";

    public const string ContentFiltered = "content-filtered";

    public const string Truncated = "truncated";

    public const string InvalidOutput = "invalid-output";

    public const string RequestFailed = "request-failed";

    public const string AnalysisFailed = "analysis-failed";

    public const string TimedOut = "timed-out";

    public const string Canceled = "canceled";
}
