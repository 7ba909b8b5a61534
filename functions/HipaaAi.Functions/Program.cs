using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Configuration;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

KeyVaultReferenceGuard.ThrowIfUnresolved(builder.Configuration);

builder.ConfigureFunctionsWebApplication();

builder.Services.AddHipaaAiProduct(builder.Configuration);

// Operational telemetry only when a connection string is configured, signed in with the app's identity (the
// Application Insights resource has local authentication disabled). Audit events never travel this way.
if (builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString)
{
    builder.Services.AddHipaaAiTelemetry()
        .UseAzureMonitorExporter(exporter =>
        {
            exporter.ConnectionString = connectionString;
            exporter.SamplingRatio = 1.0F;
        });
    builder.Services.AddOptions<AzureMonitorExporterOptions>()
        .Configure<TokenCredential>((exporter, credential) => exporter.Credential = credential);
}

builder.Build().Run();
