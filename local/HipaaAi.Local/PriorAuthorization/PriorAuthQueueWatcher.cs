using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.PriorAuthorization;

/// <summary>
/// Stands in for the Functions queue trigger on a developer's machine: reads the prior-authorization request queue
/// and hands each message to the same <see cref="PriorAuthStarter"/>. A message is deleted once the starter has
/// taken it (started, already started, or quarantined as bad); a message the starter could not take because storage
/// failed stays and is offered again, and after <see cref="MaxDequeueCount"/> tries moves to the poison queue, as
/// the Functions host does.
/// </summary>
public sealed class PriorAuthQueueWatcher(
    StorageClients clients,
    PriorAuthStarter starter,
    DurableTaskClient client,
    ILogger<PriorAuthQueueWatcher> logger) : BackgroundService
{
    public const int MaxDequeueCount = 5;

    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(PriorAuthQueues.Requests);
        var poison = clients.Queues.GetQueueClient(PriorAuthQueues.Requests + "-poison");
        var created = false;
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            try
            {
                // The session creates the queues after the host starts; the watcher may be first.
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    created = true;
                }

                var batch = await queue.ReceiveMessagesAsync(8, TimeSpan.FromSeconds(60), stoppingToken)
                    .ConfigureAwait(false);
                foreach (var message in batch.Value)
                {
                    if (message.DequeueCount > MaxDequeueCount)
                    {
                        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                        await poison.SendMessageAsync(message.MessageText, stoppingToken).ConfigureAwait(false);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken)
                            .ConfigureAwait(false);
                        continue;
                    }

                    await starter.StartAsync(client, message.MessageText, stoppingToken).ConfigureAwait(false);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken)
                        .ConfigureAwait(false);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LocalLogs.PriorAuthQueueFailed(logger, failure.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
