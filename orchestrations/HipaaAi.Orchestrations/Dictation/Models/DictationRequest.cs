using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.Dictation.Models;

/// <summary>
/// The settings a dictation instance runs with, fixed at its start so every replay decides alike: the retry plan,
/// how long the provider has to sign, who signs (the role the decision service checks) and where cards go.
/// </summary>
public sealed record DictationSettings(
    RetryPlan Retry,
    ApprovalTiming Review,
    string SignerRole,
    string SignerGroup,
    string EscalationGroup,
    Uri NoteLinkBase)
{
    public const string ProviderRole = "Provider";

    public static DictationSettings Default { get; } = new(RetryPlan.Default, ApprovalTiming.Default, ProviderRole,
        "Providers", "ProviderSupervisors", new Uri("https://ehr.invalid/dictation/"));
}

/// <summary>The input of one dictation orchestration: the recording that landed in the inbox, by reference.</summary>
public sealed record DictationRequest(string DictationId, string Inbox, BlobReference Source, DictationSettings Settings);
