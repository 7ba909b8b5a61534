namespace HipaaAi.Orchestrations.RecordsIntake.Models;

/// <summary>Reason codes beyond the preflight verdicts. Codes only: they end up in metadata, audit and results.</summary>
public static class QuarantineReasons
{
    /// <summary>A step failed on every attempt; the detail names the step.</summary>
    public const string ProcessingFailed = "ProcessingFailed";

    /// <summary>An AI service's content filter refused the request or its answer.</summary>
    public const string ContentFiltered = "ContentFiltered";
}
