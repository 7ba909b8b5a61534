using System.Diagnostics;
using System.Diagnostics.Metrics;
using HipaaAi.Shared.Audit;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// The product's operational telemetry: one span per activity call and two instruments, tagged only with workflow,
/// activity, attempt, outcome and opaque ids — the same fields the audit trail may hold, never content. Exported
/// through OpenTelemetry when a host configures an exporter; otherwise these cost next to nothing.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The name of the activity source and of the meter; exporters subscribe to it.</summary>
    public const string SourceName = "HipaaAi.Workflows";

    private static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> Calls =
        Meter.CreateCounter<long>("hipaaai.activity.calls", description: "Workflow activity calls, by outcome.");

    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>(
        "hipaaai.activity.duration", unit: "ms", description: "How long workflow activity calls took.");

    public static Activity? StartActivityCall(ActivityExecution execution, string subject)
    {
        ArgumentNullException.ThrowIfNull(execution);

        var span = Source.StartActivity(execution.ActivityName, ActivityKind.Internal);
        span?.SetTag("hipaaai.workflow", execution.Workflow.ToString());
        span?.SetTag("hipaaai.instance_id", execution.InstanceId);
        span?.SetTag("hipaaai.attempt", execution.Attempt);
        span?.SetTag("hipaaai.subject", subject);
        return span;
    }

    /// <summary>Ends the span and counts the call; a failure is named by its exception type only.</summary>
    public static void EndActivityCall(
        Activity? span, ActivityExecution execution, TimeSpan elapsed, Exception? failure)
    {
        ArgumentNullException.ThrowIfNull(execution);

        var outcome = failure is null ? execution.Outcome : AuditOutcomes.Failed;
        if (span is not null)
        {
            span.SetTag("hipaaai.outcome", outcome);
            if (failure is not null)
            {
                span.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
            }

            span.Dispose();
        }

        var tags = new TagList
        {
            { "hipaaai.workflow", execution.Workflow.ToString() },
            { "hipaaai.activity", execution.ActivityName },
            { "hipaaai.outcome", outcome },
        };
        Calls.Add(1, tags);
        Durations.Record(elapsed.TotalMilliseconds, tags);
    }
}
