using HipaaAi.Orchestrations.BillingReview.Models;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.BillingReview;

/// <summary>Log definitions of billing review: ids, counts, sizes and reason codes only.</summary>
internal static partial class BillingLogs
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: started billing review for a {SizeBytes}-byte blob from {Inbox}")]
    public static partial void ReviewStarted(ILogger logger, string instanceId, long sizeBytes, string inbox);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning,
        Message = "Claim message {MessageSubject} rejected: {Reason}")]
    public static partial void MessageRejected(ILogger logger, string messageSubject, string reason);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: billing review ended {Outcome}: {ClaimCount} claims, {ReviewedCount} reviewed")]
    public static partial void FileFinished(
        ILogger logger, string instanceId, ClaimFileOutcome outcome, int claimCount, int reviewedCount);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: step {Step} failed on every attempt; quarantining the claim file")]
    public static partial void StepExhausted(ILogger logger, string instanceId, string step);
}
