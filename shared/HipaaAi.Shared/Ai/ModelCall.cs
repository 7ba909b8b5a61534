namespace HipaaAi.Shared.Ai;

/// <summary>
/// What the audit trail keeps about one call to a model or engine: which service, deployment and model, what kind of
/// request, its sizes and the outcome. Never the prompt or the answer.
/// </summary>
public sealed record ModelCall(
    string Service,
    string? Deployment,
    string? Model,
    string Operation,
    int RequestCharacters,
    int ResponseCharacters,
    int? InputTokens,
    int? OutputTokens,
    string Outcome,
    TimeSpan Duration);

/// <summary>Receives a record of every model call so the activity that made it can audit it.</summary>
public interface IModelCallRecorder
{
    void Record(ModelCall call);
}
