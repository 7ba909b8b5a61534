using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Billing;

/// <summary>Log events of the billing review: counts, sizes and durations, never claim content.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information,
        Message = "Billing review of {ClaimCount} claims produced {FindingCount} findings ({ErrorCount} errors, " +
                  "{ReviewCount} claims for staff review) in {ElapsedMs} ms")]
    public static partial void ReviewCompleted(
        ILogger logger, int claimCount, int findingCount, int errorCount, int reviewCount, long elapsedMs);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Billing tables loaded: {PtpCount} PTP edits, {MueCount} MUE codes, {PayerCount} payer rule sets " +
                  "(PTP from {PtpSource}, MUE from {MueSource})")]
    public static partial void TablesLoaded(
        ILogger logger, int ptpCount, int mueCount, int payerCount, string ptpSource, string mueSource);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning,
        Message = "X12 input of {CharCount} characters rejected at segment {SegmentIndex}")]
    public static partial void ParseRejected(ILogger logger, int charCount, int segmentIndex);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information,
        Message = "Documentation check found notes for {FoundCount} of {VisitCount} visits")]
    public static partial void NotesLooked(ILogger logger, int foundCount, int visitCount);
}
