using System.Collections.Frozen;

namespace HipaaAi.Shared.Phi;

/// <summary>The places data leaves a workflow step for, each with its own rule about PHI.</summary>
public enum PhiSink
{
    /// <summary>Audit events (local chain and Log Analytics tables).</summary>
    Audit,

    /// <summary>Application logs.</summary>
    Logs,

    /// <summary>Traces and metrics sent to Application Insights.</summary>
    Telemetry,

    /// <summary>Orchestration inputs, outputs and failure details kept by the durable runtime.</summary>
    DurableHistory,

    /// <summary>
    /// Approval cards posted to Teams. Their facts are masked before they leave (initials, birth year, the last
    /// digits of an identifier: <c>PhiMask</c>), so no full value of any field is allowed.
    /// </summary>
    ApprovalCard,
}

/// <summary>
/// The one place that says which PHI fields a sink may carry. Audit, logs and telemetry carry none: they hold ids,
/// pseudonyms, codes, counts and sizes. Widening a list is a reviewed change to this file, and the end-to-end canary
/// scan of each sink checks the list holds.
/// </summary>
public static class PhiAllowList
{
    private static readonly FrozenDictionary<PhiSink, IReadOnlySet<CanaryField>> Allowed =
        new Dictionary<PhiSink, IReadOnlySet<CanaryField>>
        {
            [PhiSink.Audit] = new HashSet<CanaryField>(),
            [PhiSink.Logs] = new HashSet<CanaryField>(),
            [PhiSink.Telemetry] = new HashSet<CanaryField>(),
            [PhiSink.DurableHistory] = new HashSet<CanaryField>(),
            [PhiSink.ApprovalCard] = new HashSet<CanaryField>(),
        }.ToFrozenDictionary();

    public static IReadOnlySet<CanaryField> FieldsFor(PhiSink sink) =>
        Allowed.TryGetValue(sink, out var fields) ? fields : throw new ArgumentOutOfRangeException(nameof(sink));

    public static bool IsAllowed(PhiSink sink, CanaryField field) => FieldsFor(sink).Contains(field);

    /// <summary>The hits a sink is not allowed to hold.</summary>
    public static IReadOnlyList<CanaryHit> Violations(PhiSink sink, IEnumerable<CanaryHit> hits) =>
        hits.Where(hit => !IsAllowed(sink, hit.Field)).ToList();
}
