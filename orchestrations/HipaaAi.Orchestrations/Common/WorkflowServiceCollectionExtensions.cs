using Azure.Core;
using Azure.Identity;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.Dictation.Trigger;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HipaaAi.Orchestrations.Common;

/// <summary>The services every host needs to run the workflows; engines and audit sinks are added beside it.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddHipaaAiWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"],
        }));
        services.TryAddSingleton(provider => new StorageClients(
            configuration, provider.GetRequiredService<TokenCredential>(), StorageNames.Connection));
        services.TryAddSingleton<DocumentStore>();
        services.TryAddSingleton(new ServiceIdentity(configuration["ServiceIdentity"] ?? "hipaaai-functions"));
        services.TryAddSingleton<ScopedModelCallRecorder>();
        services.TryAddSingleton<IModelCallRecorder>(provider => provider.GetRequiredService<ScopedModelCallRecorder>());
        services.TryAddSingleton<AuditedActivityInvoker>();
        services.TryAddSingleton<ContentDeliveryStarter>();

        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section));
        services.TryAddSingleton<RecordsIntakeStarter>();
        services.AddOptions<RecordAccessOptions>().Bind(configuration.GetSection(RecordAccessOptions.Section));
        services.TryAddSingleton<RecordAccessService>();
        services.AddOptions<DictationOptions>().Bind(configuration.GetSection(DictationOptions.Section));
        services.TryAddSingleton<DictationStarter>();

        foreach (var activity in WorkflowCatalog.Activities)
        {
            services.TryAddTransient(activity.ActivityType);
        }

        return services;
    }
}
