using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Phi;

namespace HipaaAi.Bicep.Tests.Compliance;

/// <summary>How many events of each kind the test writes for one workflow inside the audit period.</summary>
public sealed record ActivityPlan(
    Workflow Workflow,
    int Documents,
    int ModelCallsPerDocument,
    int Decisions,
    int Refusals,
    int RecordAccesses,
    int Quarantines,
    int Failures)
{
    /// <summary>Events written before the period, which the pack must not count.</summary>
    public const int EventsBeforePeriod = 2;

    public int ModelCalls => Documents * ModelCallsPerDocument;

    public int EventsInPeriod =>
        Documents * (2 + ModelCallsPerDocument) + Decisions + Refusals + RecordAccesses + Quarantines + Failures;

    /// <summary>Different numbers per workflow, so counts attributed to the wrong workflow fail.</summary>
    public static ActivityPlan For(Workflow workflow)
    {
        var n = (int)workflow;
        return new ActivityPlan(workflow, 2 + n, 1 + n, n, 1, n + 1, n % 2 + 1, n);
    }

    /// <summary>
    /// The events of the plan. Subjects and details carry canary PHI on purpose: the pack must show counts and
    /// instance ids only, never what an event says about its subject.
    /// </summary>
    public IReadOnlyList<AuditEvent> Events(DateTimeOffset periodStart)
    {
        var events = new List<AuditEvent>();
        var time = periodStart.AddDays(3);
        var slug = AuditTables.SlugFor(Workflow);
        for (var document = 0; document < Documents; document++)
        {
            var instance = $"{slug}-test-{document:D2}";
            events.Add(Event(instance, "Starter", AuditActions.OrchestrationStarted, AuditOutcomes.Succeeded, time));
            for (var call = 0; call < ModelCallsPerDocument; call++)
            {
                events.Add(Event(instance, "Classify", AuditActions.ModelCall, AuditOutcomes.Succeeded, time) with
                {
                    AiService = "AzureOpenAI", Deployment = "chat", InputTokens = 100, OutputTokens = 10,
                });
            }

            events.Add(Event(instance, "Finish", AuditActions.ActivityCompleted, AuditOutcomes.Succeeded, time));
            time = time.AddMinutes(5);
        }

        var first = $"{slug}-test-00";
        events.AddRange(Enumerable.Range(0, Decisions).Select(_ => Event(first, ApprovalAuditActions.DecisionEndpoint,
            ApprovalAuditActions.Decided, AuditOutcomes.Succeeded, time) with { Actor = "staff-reviewer" }));
        events.AddRange(Enumerable.Range(0, Refusals).Select(_ => Event(first, ApprovalAuditActions.DecisionEndpoint,
            ApprovalAuditActions.Refused, AuditOutcomes.Refused, time)));
        events.AddRange(Enumerable.Range(0, RecordAccesses).Select(_ => Event(first, "RecordViewer", "record.viewed",
            AuditOutcomes.Succeeded, time)));
        events.AddRange(Enumerable.Range(0, Quarantines).Select(_ => Event(first, "Quarantine",
            AuditActions.ActivityCompleted, AuditOutcomes.Quarantined, time)));
        events.AddRange(Enumerable.Range(0, Failures).Select(_ => Event(first, "ReadPages",
            AuditActions.ActivityFailed, AuditOutcomes.Failed, time)));
        return events;
    }

    public IReadOnlyList<AuditEvent> EventsBefore(DateTimeOffset periodStart) =>
    [
        Event($"{AuditTables.SlugFor(Workflow)}-early", "Starter", AuditActions.OrchestrationStarted,
            AuditOutcomes.Succeeded, periodStart.AddDays(-1)),
        Event($"{AuditTables.SlugFor(Workflow)}-early", "Classify", AuditActions.ModelCall, AuditOutcomes.Succeeded,
            periodStart.AddSeconds(-1)),
    ];

    private AuditEvent Event(string instance, string activity, string action, string outcome, DateTimeOffset time) =>
        new()
        {
            Time = time,
            Workflow = Workflow,
            InstanceId = instance,
            Activity = activity,
            Actor = "hipaaai-test",
            Subject = PhiCanary.FullName,
            Action = action,
            Outcome = outcome,
            Detail = $"mrn={PhiCanary.MedicalRecordNumber};ssn={PhiCanary.SocialSecurityNumber}",
            RetentionClass = AuditTables.SlugFor(Workflow),
        };
}
