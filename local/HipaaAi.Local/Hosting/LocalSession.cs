using HipaaAi.Local.Inbox;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Hosting;

/// <summary>
/// Everything the embedded default runs: the storage emulator, the durable runtime with every workflow, the inbox
/// watcher and the local folder inbox. Disposing stops them in reverse order, the emulator last.
/// </summary>
public sealed class LocalSession : IAsyncDisposable
{
    public const string TaskHubName = "HipaaAiHub";

    private readonly AzuriteProcess _azurite;

    private LocalSession(AzuriteProcess azurite, LocalDurableRuntime runtime)
    {
        _azurite = azurite;
        Runtime = runtime;
    }

    public LocalDurableRuntime Runtime { get; }

    public IServiceProvider Services => Runtime.Services;

    public static async Task<LocalSession> StartAsync(
        LocalPaths paths,
        CancellationToken cancellationToken,
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Audit:Local:RootPath"] = paths.Audit,
                ["Phi:PseudonymKey"] = LocalKeys.PseudonymKey(paths),
                ["Approvals:LinkSigningKey"] = LocalKeys.ApprovalLinkKey(paths),
                // The classifier trains once (seconds) and is reused by every later run.
                ["Understanding:ModelPath"] = Path.Combine(paths.StateRoot, "models", "document-classifier.zip"),
            })
            .AddEnvironmentVariables("HIPAAAI_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        using var bootstrapLoggers = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        var azurite = await AzuriteProcess.EnsureRunningAsync(paths, bootstrapLoggers.CreateLogger<AzuriteProcess>(),
            cancellationToken).ConfigureAwait(false);

        try
        {
            builder.Services.AddHipaaAiProduct(builder.Configuration);
            builder.Services.AddSingleton(new FolderInboxOptions(paths.Inbox));
            builder.Services.AddHostedService<InboxWatcher>();
            builder.Services.AddHostedService<FolderInbox>();
            builder.Services.AddHostedService<HipaaAi.Local.PriorAuthorization.PriorAuthQueueWatcher>();
            builder.Services.AddHostedService<ClaimsQueueWatcher>();
            configureServices?.Invoke(builder.Services);

            var options = new LocalRuntimeOptions(
                builder.Configuration[StorageNames.Connection] ?? "UseDevelopmentStorage=true",
                builder.Configuration["Local:TaskHubName"] ?? TaskHubName,
                builder.Configuration.GetValue("Local:MaxConcurrentActivities", 8),
                builder.Configuration.GetValue("Local:MaxConcurrentOrchestrations", 8));

            // Containers before the worker host starts, because its inbox watcher lists them at once; no template
            // creates them locally. Queues are only written by the route step, well after startup.
            var preparation = new DocumentStore(new StorageClients(builder.Configuration,
                new Azure.Identity.DefaultAzureCredential(), StorageNames.Connection));
            await preparation.EnsureCreatedAsync([], cancellationToken).ConfigureAwait(false);

            var runtime = await LocalDurableRuntime.StartAsync(options, builder, cancellationToken).ConfigureAwait(false);
            var queues = ProductQueues.From(runtime.Services.GetRequiredService<RoutingRules>())
                .Concat(BillingQueues.All);
            await preparation.EnsureCreatedAsync(queues, cancellationToken).ConfigureAwait(false);
            return new LocalSession(azurite, runtime);
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync().ConfigureAwait(false);
        await _azurite.DisposeAsync().ConfigureAwait(false);
    }
}
