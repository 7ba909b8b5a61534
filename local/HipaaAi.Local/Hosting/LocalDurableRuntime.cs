using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using HipaaAi.Orchestrations.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Hosting;

/// <summary>Settings of the local durable runtime.</summary>
public sealed record LocalRuntimeOptions(
    string StorageConnection,
    string TaskHubName,
    int MaxConcurrentActivities,
    int MaxConcurrentOrchestrations);

/// <summary>
/// The durable runtime of the embedded default: a Durable Task gRPC sidecar over the Azure Storage backend (the
/// storage provider Durable Functions uses in Azure), on the storage emulator, plus a worker that registers every
/// orchestrator and activity of <see cref="WorkflowCatalog"/>. State lives in storage, so a killed host resumes.
/// </summary>
public sealed class LocalDurableRuntime : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;

    private LocalDurableRuntime(WebApplication sidecar, IHost worker, GrpcChannel channel)
    {
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
    }

    public DurableTaskClient Client => _worker.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _worker.Services;

    public static async Task<LocalDurableRuntime> StartAsync(
        LocalRuntimeOptions options,
        HostApplicationBuilder workerBuilder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workerBuilder);

        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHubName,
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnection),
            // One partition and a short polling ceiling: the defaults suit a busy cloud hub and make a
            // developer's machine look hung for up to 30 seconds between steps.
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        };
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var port = FreeLoopbackPort();
        var sidecar = BuildSidecar(service, port, workerBuilder.Logging);
        await sidecar.StartAsync(cancellationToken).ConfigureAwait(false);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        workerBuilder.Services.AddDurableTaskWorker(builder =>
        {
            builder.UseGrpc(channel);
            builder.AddTasks(WorkflowCatalog.RegisterAll);
            builder.Configure(worker =>
            {
                worker.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                worker.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
            });
        });
        workerBuilder.Services.AddDurableTaskClient(builder => builder.UseGrpc(channel));

        var worker = workerBuilder.Build();
        await worker.StartAsync(cancellationToken).ConfigureAwait(false);
        return new LocalDurableRuntime(sidecar, worker, channel);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync().ConfigureAwait(false);
        _worker.Dispose();
        await _channel.ShutdownAsync().ConfigureAwait(false);
        _channel.Dispose();
        await _sidecar.StopAsync().ConfigureAwait(false);
        await _sidecar.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication BuildSidecar(AzureStorageOrchestrationService service, int port, ILoggingBuilder logging)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Providers built by a factory (OpenTelemetry's, for one) depend on services of the worker's own container;
        // the sidecar keeps to the providers it can construct by itself.
        foreach (var provider in logging.Services.Where(descriptor => descriptor.ServiceType == typeof(ILoggerProvider)
            && descriptor.ImplementationFactory is null))
        {
            builder.Logging.Services.Add(provider);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port,
            listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new PortableMessagesOrchestrationService(service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        return app;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
