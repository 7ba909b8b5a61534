using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.PriorAuthorization;

/// <summary>Log messages of the prior-authorization workflow: ids, counts and codes only.</summary>
internal static partial class PriorAuthLogs
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: started a prior-authorization case with {Documents} documents and {Records} intake records")]
    public static partial void CaseStarted(ILogger logger, string instanceId, int documents, int records);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning,
        Message = "Case {CaseId}: request message refused with {Reason}; kept in quarantine")]
    public static partial void RequestRejected(ILogger logger, string caseId, string reason);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: the request was already delivered; no new orchestration")]
    public static partial void DuplicateRequest(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: prior authorization finished with {Outcome}, {Met} of {Criteria} criteria met")]
    public static partial void CaseFinished(ILogger logger, string instanceId, Models.PriorAuthOutcome outcome, int met, int criteria);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: step {Activity} failed after all attempts; returning the case to staff")]
    public static partial void StepExhausted(ILogger logger, string instanceId, string activity);
}
