using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// What the product exports as operational telemetry, for every host: the workflow spans and instruments and the
/// application logs (which carry ids, counts and sizes only). A host adds its exporter to the returned builder —
/// the Functions app the Azure Monitor exporter, tests an in-memory one — so every host exports the same signals.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static OpenTelemetryBuilder AddHipaaAiTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        return services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(WorkflowTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(WorkflowTelemetry.SourceName))
            .WithLogging();
    }
}
