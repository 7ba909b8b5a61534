namespace HipaaAi.Shared.Audit;

/// <summary>The product's workflows. Each has its own audit table and retention.</summary>
public enum Workflow
{
    RecordsIntake,
    Dictation,
    PriorAuthorization,
    BillingReview,
}
