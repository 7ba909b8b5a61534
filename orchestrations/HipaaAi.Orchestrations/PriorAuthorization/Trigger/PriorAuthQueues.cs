namespace HipaaAi.Orchestrations.PriorAuthorization.Trigger;

/// <summary>The queues of the prior-authorization workflow.</summary>
public static class PriorAuthQueues
{
    /// <summary>Requests for a prior authorization arrive here.</summary>
    public const string Requests = "prior-auth-requests";

    /// <summary>Cases that need staff (rejected packets, denials, requests for information, escalations).</summary>
    public const string Staff = "prior-auth-staff";

    public static IReadOnlyList<string> All { get; } = [Requests, Staff];
}
