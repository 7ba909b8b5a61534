namespace HipaaAi.Shared.Audit;

/// <summary>
/// The names every audit destination agrees on: Log Analytics custom tables, their data collection rule streams and
/// the local chain folders. The Bicep templates declare the same names; change them in both places or not at all.
/// </summary>
public static class AuditTables
{
    public const string RecordsIntake = "AuditRecordsIntake_CL";

    public const string Dictation = "AuditDictation_CL";

    public const string PriorAuthorization = "AuditPriorAuth_CL";

    public const string BillingReview = "AuditBillingReview_CL";

    /// <summary>Data collection rule streams for custom tables are the table name with this prefix.</summary>
    public const string StreamPrefix = "Custom-";

    public static IReadOnlyList<Workflow> Workflows { get; } = Enum.GetValues<Workflow>();

    /// <summary>The Log Analytics custom table that holds the workflow's audit events.</summary>
    public static string TableFor(Workflow workflow) => workflow switch
    {
        Workflow.RecordsIntake => RecordsIntake,
        Workflow.Dictation => Dictation,
        Workflow.PriorAuthorization => PriorAuthorization,
        Workflow.BillingReview => BillingReview,
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "Unknown workflow."),
    };

    /// <summary>The data collection rule stream, e.g. <c>Custom-AuditDictation_CL</c>.</summary>
    public static string StreamFor(Workflow workflow) => StreamPrefix + TableFor(workflow);

    /// <summary>
    /// A stable, lower-case name for the workflow, used as the default retention class and as the local folder name.
    /// </summary>
    public static string SlugFor(Workflow workflow) => workflow switch
    {
        Workflow.RecordsIntake => "records-intake",
        Workflow.Dictation => "dictation",
        Workflow.PriorAuthorization => "prior-auth",
        Workflow.BillingReview => "billing-review",
        _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "Unknown workflow."),
    };
}
