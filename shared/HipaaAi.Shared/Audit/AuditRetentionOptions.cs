namespace HipaaAi.Shared.Audit;

/// <summary>
/// Retention per workflow, bound from <c>Audit:Retention:&lt;Workflow&gt;</c>, e.g.
/// <c>Audit:Retention:RecordsIntake:TotalDays</c>. Anything left out takes the default of
/// <see cref="RetentionPolicy.DefaultFor"/>.
/// </summary>
public sealed class AuditRetentionOptions
{
    public const string SectionName = "Audit:Retention";

    public WorkflowRetentionOptions RecordsIntake { get; set; } = new();

    public WorkflowRetentionOptions Dictation { get; set; } = new();

    public WorkflowRetentionOptions PriorAuthorization { get; set; } = new();

    public WorkflowRetentionOptions BillingReview { get; set; } = new();

    /// <summary>The effective policy of a workflow: configured values over the defaults.</summary>
    public RetentionPolicy For(Workflow workflow)
    {
        var configured = workflow switch
        {
            Workflow.RecordsIntake => RecordsIntake,
            Workflow.Dictation => Dictation,
            Workflow.PriorAuthorization => PriorAuthorization,
            Workflow.BillingReview => BillingReview,
            _ => throw new ArgumentOutOfRangeException(nameof(workflow), workflow, "Unknown workflow."),
        };
        var defaults = RetentionPolicy.DefaultFor(workflow);

        return new RetentionPolicy(
            workflow,
            string.IsNullOrWhiteSpace(configured.RetentionClass) ? defaults.RetentionClass : configured.RetentionClass,
            configured.InteractiveDays ?? defaults.InteractiveDays,
            configured.TotalDays ?? defaults.TotalDays);
    }

    /// <summary>Every problem with the configured policies, each naming its setting; empty when all are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var workflow in AuditTables.Workflows)
        {
            var policy = For(workflow);
            var setting = $"{SectionName}:{workflow}";
            if (policy.InteractiveDays is < RetentionPolicy.MinInteractiveDays or > RetentionPolicy.MaxInteractiveDays)
            {
                problems.Add($"{setting}:InteractiveDays must be between {RetentionPolicy.MinInteractiveDays} and " +
                    $"{RetentionPolicy.MaxInteractiveDays}.");
            }

            if (policy.TotalDays is < RetentionPolicy.HipaaMinimumTotalDays or > RetentionPolicy.MaxTotalDays)
            {
                problems.Add($"{setting}:TotalDays must be between {RetentionPolicy.HipaaMinimumTotalDays} (six years) " +
                    $"and {RetentionPolicy.MaxTotalDays}.");
            }

            if (policy.TotalDays < policy.InteractiveDays)
            {
                problems.Add($"{setting}:TotalDays must not be less than InteractiveDays.");
            }

            if (!System.Text.RegularExpressions.Regex.IsMatch(policy.RetentionClass, "^[a-z0-9][a-z0-9-]{0,62}$",
                    System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                problems.Add($"{setting}:RetentionClass must be lower-case letters, digits and dashes.");
            }
        }

        return problems;
    }
}

/// <summary>One workflow's configured retention; a null value takes the default.</summary>
public sealed class WorkflowRetentionOptions
{
    public string? RetentionClass { get; set; }

    public int? InteractiveDays { get; set; }

    public int? TotalDays { get; set; }
}
