using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// The context of one activity call. An activity may name a more specific outcome than "Succeeded" (for example
/// "Quarantined") and a short content-free detail code; both go into its audit record.
/// </summary>
public sealed class ActivityExecution(string instanceId, string activityName, Workflow workflow, int attempt)
{
    public string InstanceId { get; } = instanceId;

    public string ActivityName { get; } = activityName;

    public Workflow Workflow { get; } = workflow;

    public int Attempt { get; } = attempt;

    public string Outcome { get; private set; } = AuditOutcomes.Succeeded;

    public string? Detail { get; private set; }

    public void ReportOutcome(string outcome, string? detail = null)
    {
        Outcome = outcome;
        Detail = detail;
    }
}
