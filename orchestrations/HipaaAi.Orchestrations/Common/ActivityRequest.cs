using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// What an orchestrator sends to every activity: the activity's own input plus the workflow it runs for and which
/// attempt this is, so the audit record of the call can say both.
/// </summary>
public sealed record ActivityRequest<TInput>(Workflow Workflow, int Attempt, TInput Input);
