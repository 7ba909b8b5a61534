using HipaaAi.Orchestrations.Dictation.Models;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.Dictation;

/// <summary>Log definitions of dictation: ids, counts and sizes only.</summary>
internal static partial class DictationLogs
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: started dictation for a {SizeBytes}-byte recording")]
    public static partial void Started(ILogger logger, string instanceId, long sizeBytes);

    [LoggerMessage(EventId = 1701, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: the recording was already delivered; no new orchestration")]
    public static partial void DuplicateDelivery(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 1702, Level = LogLevel.Information,
        Message = "Instance {InstanceId}: dictation finished with {Outcome}, {Words} words, {Sentences} note sentences")]
    public static partial void Finished(ILogger logger, string instanceId, DictationOutcome outcome, int words, int sentences);

    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning,
        Message = "Instance {InstanceId}: step {Activity} failed after all attempts; quarantining")]
    public static partial void StepExhausted(ILogger logger, string instanceId, string activity);
}
