using Microsoft.Extensions.Logging;

namespace HipaaAi.Shared.Approvals;

/// <summary>Log definitions of the approval mechanism: ids, sizes, status codes. Never a webhook URL or a token.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Approval {ApprovalId}: posted a {SizeBytes}-byte card to Teams ({StatusCode})")]
    public static partial void CardPosted(ILogger logger, string approvalId, int sizeBytes, int statusCode);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Approval {ApprovalId}: Teams refused a {SizeBytes}-byte card with {StatusCode}")]
    public static partial void CardRefused(ILogger logger, string approvalId, int sizeBytes, int statusCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Approval {ApprovalId}: kept a {SizeBytes}-byte card in the local review store")]
    public static partial void CardKeptLocally(ILogger logger, string approvalId, int sizeBytes);
}
