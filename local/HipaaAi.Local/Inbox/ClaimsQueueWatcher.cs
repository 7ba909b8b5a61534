using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Inbox;

/// <summary>
/// Stands in for the Functions queue trigger on the billing claims queue: hands each message to the same
/// <see cref="BillingReviewStarter"/> and deletes it once the starter returned (a rejected message is audited and
/// consumed). A message whose start keeps failing is moved to the poison queue after <see cref="MaxDequeueCount"/>
/// tries, as the Functions host does, so it never loops.
/// </summary>
public sealed class ClaimsQueueWatcher(
    StorageClients clients,
    BillingReviewStarter starter,
    DurableTaskClient client,
    ILogger<ClaimsQueueWatcher> logger) : BackgroundService
{
    public const int MaxDequeueCount = 5;

    public static string PoisonQueue => BillingQueues.Claims + "-poison";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = clients.Queues.GetQueueClient(BillingQueues.Claims);
        var poison = clients.Queues.GetQueueClient(PoisonQueue);
        using var timer = new PeriodicTimer(InboxWatcher.PollInterval);
        var created = false;
        do
        {
            try
            {
                if (!created)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    created = true;
                }

                var received = await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30), stoppingToken)
                    .ConfigureAwait(false);
                foreach (var message in received.Value)
                {
                    if (message.DequeueCount > MaxDequeueCount)
                    {
                        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                        await poison.SendMessageAsync(message.Body, cancellationToken: stoppingToken)
                            .ConfigureAwait(false);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken)
                            .ConfigureAwait(false);
                        continue;
                    }

                    await starter.StartFromMessageAsync(client, message.MessageId, message.Body.ToString(),
                        stoppingToken).ConfigureAwait(false);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken)
                        .ConfigureAwait(false);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The message becomes visible again after its timeout and is tried once more.
                LocalLogs.InboxStartFailed(logger, BillingQueues.Claims, failure.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
