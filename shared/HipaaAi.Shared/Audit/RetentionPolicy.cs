namespace HipaaAi.Shared.Audit;

/// <summary>
/// How long a workflow's audit events are kept: <see cref="InteractiveDays"/> in the queryable (analytics) tier and
/// <see cref="TotalDays"/> in all, the rest in the long-term archive tier.
/// </summary>
public sealed record RetentionPolicy(Workflow Workflow, string RetentionClass, int InteractiveDays, int TotalDays)
{
    /// <summary>HIPAA keeps required documentation for six years (45 CFR 164.316(b)(2)); 6 x 365 days.</summary>
    public const int HipaaMinimumTotalDays = 2190;

    /// <summary>Default interactive retention: a quarter of a year queryable at analytics cost.</summary>
    public const int DefaultInteractiveDays = 90;

    /// <summary>The Log Analytics bounds for interactive retention of a table.</summary>
    public const int MinInteractiveDays = 4;

    public const int MaxInteractiveDays = 730;

    /// <summary>The Log Analytics upper bound for total (interactive + long-term) retention: 12 years.</summary>
    public const int MaxTotalDays = 4383;

    /// <summary>The product's default policy for a workflow.</summary>
    public static RetentionPolicy DefaultFor(Workflow workflow) =>
        new(workflow, AuditTables.SlugFor(workflow), DefaultInteractiveDays, HipaaMinimumTotalDays);
}
