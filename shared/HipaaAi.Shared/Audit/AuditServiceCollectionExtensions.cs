using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Audit;

/// <summary>Registers the audit trail: local hash chain (embedded default) or Azure Monitor Logs Ingestion.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The local, hash-chained audit log as the <see cref="IAuditSink"/>, with its reader and retention enforcer.
    /// Settings: <c>Audit:Local:RootPath</c> (required), <c>Audit:Local:LockTimeout</c>, <c>Audit:Retention:*</c>.
    /// </summary>
    public static IServiceCollection AddLocalAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        AddRetention(services, configuration);
        services.AddOptions<LocalAuditOptions>()
            .Bind(configuration.GetSection(LocalAuditOptions.SectionName))
            .Validate(options => !string.IsNullOrWhiteSpace(options.RootPath),
                $"The setting {LocalAuditOptions.SectionName}:RootPath is required.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AuditChainStore(
            provider.GetRequiredService<IOptions<LocalAuditOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AuditChainStore>>()));
        services.TryAddSingleton(provider => new HashChainedAuditLog(
            provider.GetRequiredService<AuditChainStore>(), provider.GetRequiredService<ILogger<HashChainedAuditLog>>()));
        services.TryAddSingleton(provider => new AuditTrailReader(
            provider.GetRequiredService<AuditChainStore>(), provider.GetRequiredService<ILogger<AuditTrailReader>>()));
        services.TryAddSingleton(provider => new LocalRetentionEnforcer(
            provider.GetRequiredService<AuditChainStore>(),
            provider.GetRequiredService<IOptionsMonitor<AuditRetentionOptions>>(),
            provider.GetRequiredService<ILogger<LocalRetentionEnforcer>>()));
        services.Replace(ServiceDescriptor.Singleton<IAuditSink>(
            provider => provider.GetRequiredService<HashChainedAuditLog>()));
        return services;
    }

    /// <summary>
    /// Azure Monitor Logs Ingestion as the <see cref="IAuditSink"/>, with a durable outbox and its dispatcher.
    /// Settings: <c>Audit:LogsIngestion:Endpoint</c>, <c>Audit:LogsIngestion:DataCollectionRuleId</c> (required),
    /// retry settings, and <c>Audit:Outbox:BlobContainerUri</c> or <c>Audit:Outbox:LocalPath</c> (one required).
    /// Uses the registered <see cref="TokenCredential"/> (the app's managed identity); registers
    /// <see cref="DefaultAzureCredential"/> only when the host has none.
    /// </summary>
    public static IServiceCollection AddAzureAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        AddRetention(services, configuration);
        services.AddOptions<LogsIngestionOptions>()
            .Bind(configuration.GetSection(LogsIngestionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LogsIngestionOptions>>(
            new ProblemsValidator<LogsIngestionOptions>(options => options.Validate())));
        services.AddOptions<AuditOutboxOptions>()
            .Bind(configuration.GetSection(AuditOutboxOptions.SectionName))
            .Validate(options => options.BlobContainerUri is not null || !string.IsNullOrWhiteSpace(options.LocalPath),
                $"Set {AuditOutboxOptions.SectionName}:BlobContainerUri or {AuditOutboxOptions.SectionName}:LocalPath.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.TryAddSingleton(provider =>
            LogsIngestionClientOptions.From(provider.GetRequiredService<IOptions<LogsIngestionOptions>>().Value));
        services.TryAddSingleton<LogsIngestionAuditSink>();
        services.TryAddSingleton<IAuditOutbox>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AuditOutboxOptions>>().Value;
            var time = provider.GetRequiredService<TimeProvider>();
            return options.BlobContainerUri is { } container
                ? new BlobAuditOutbox(new BlobContainerClient(container, provider.GetRequiredService<TokenCredential>()), time)
                : new FileAuditOutbox(options.LocalPath!, time);
        });
        services.TryAddSingleton<OutboxedAuditSink>();
        services.Replace(ServiceDescriptor.Singleton<IAuditSink>(
            provider => provider.GetRequiredService<OutboxedAuditSink>()));
        services.TryAddSingleton<AuditOutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditOutboxDispatcher>(
            provider => provider.GetRequiredService<AuditOutboxDispatcher>()));
        return services;
    }

    private static void AddRetention(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditRetentionOptions>()
            .Bind(configuration.GetSection(AuditRetentionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditRetentionOptions>>(
            new ProblemsValidator<AuditRetentionOptions>(options => options.Validate())));
    }

    /// <summary>Reports every problem an options type finds in itself, each naming its setting.</summary>
    private sealed class ProblemsValidator<T>(Func<T, IReadOnlyList<string>> validate) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var problems = validate(options);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
