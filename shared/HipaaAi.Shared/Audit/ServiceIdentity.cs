namespace HipaaAi.Shared.Audit;

/// <summary>The identity the service acts as, recorded as the actor of automated steps.</summary>
public sealed record ServiceIdentity(string Name);

/// <summary>The retention class of each workflow: it names the audit table and the retention policy applied.</summary>
public static class RetentionClasses
{
    public static string For(Workflow workflow) => workflow switch
    {
        Workflow.RecordsIntake => "records-intake",
        Workflow.Dictation => "dictation",
        Workflow.PriorAuthorization => "prior-authorization",
        Workflow.BillingReview => "billing-review",
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "Unknown workflow."),
    };
}
