using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.Approvals;

/// <summary>Log definitions of approvals: ids, stages, counts and status codes only.</summary>
internal static partial class ApprovalLogs
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: approval {ApprovalId} waiting until {Deadline:u}")]
    public static partial void Waiting(ILogger logger, string instanceId, string approvalId, DateTime deadline);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: posting the {Stage} card of approval {ApprovalId} failed after all attempts")]
    public static partial void PostExhausted(ILogger logger, string instanceId, Models.ApprovalStage stage, string approvalId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: approval {ApprovalId} ended {Verdict} after {Reminders} reminders")]
    public static partial void Finished(
        ILogger logger, string instanceId, string approvalId, Shared.Approvals.ApprovalVerdict verdict, int reminders);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information,
        Message = "Approval {ApprovalId}: decision {Decision} accepted from channel {Channel}")]
    public static partial void DecisionAccepted(
        ILogger logger, string approvalId, Shared.Approvals.ApprovalDecision decision, string channel);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: decision refused with {Status} ({Code})")]
    public static partial void DecisionRefused(ILogger logger, string approvalId, DecisionStatus status, string code);
}
