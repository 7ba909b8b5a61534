using Azure.Storage.Blobs.Models;
using HipaaAi.Orchestrations.Dictation.Trigger;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Inbox;

/// <summary>
/// Stands in for Event Grid on a developer's machine: watches the emulator's inbox containers and hands each blob to
/// the same <see cref="RecordsIntakeStarter"/> the Functions blob trigger calls (claim files go to the
/// <see cref="BillingReviewStarter"/>). A blob is offered again whenever its
/// ETag changes; the starter's content-derived instance id makes repeated offers harmless, and because finished files
/// leave the inbox, the durable instance store is the only receipt needed.
/// </summary>
public sealed class InboxWatcher(
    DocumentStore store,
    RecordsIntakeStarter starter,
    DictationStarter dictationStarter,
    BillingReviewStarter billingStarter,
    DurableTaskClient client,
    ILogger<InboxWatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ETagSeen> _offered = new(StringComparer.Ordinal);

    public static TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        do
        {
            foreach (var inbox in StorageNames.RecordsInboxes)
            {
                await OfferNewBlobsAsync(inbox, stoppingToken).ConfigureAwait(false);
            }

            await OfferNewBlobsAsync(StorageNames.DictationInbox, stoppingToken).ConfigureAwait(false);
            await OfferNewBlobsAsync(StorageNames.ClaimsInbox, stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task OfferNewBlobsAsync(string inbox, CancellationToken token)
    {
        try
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var blob in store.Container(inbox).GetBlobsAsync(BlobTraits.None, BlobStates.None, null, token)
                .ConfigureAwait(false))
            {
                var key = $"{inbox}/{blob.Name}";
                present.Add(key);
                var etag = blob.Properties.ETag?.ToString() ?? string.Empty;
                if (_offered.TryGetValue(key, out var seen) && seen.ETag == etag)
                {
                    continue;
                }

                if (inbox == StorageNames.DictationInbox)
                {
                    await dictationStarter.StartAsync(client, inbox, blob.Name, token).ConfigureAwait(false);
                }
                else if (inbox == StorageNames.ClaimsInbox)
                {
                    await billingStarter.StartAsync(client, inbox, blob.Name, token).ConfigureAwait(false);
                }
                else
                {
                    await starter.StartAsync(client, inbox, blob.Name, token).ConfigureAwait(false);
                }

                _offered[key] = new ETagSeen(etag);
            }

            foreach (var gone in _offered.Keys.Where(key => key.StartsWith(inbox + "/", StringComparison.Ordinal)
                && !present.Contains(key)).ToList())
            {
                _offered.Remove(gone);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LocalLogs.InboxStartFailed(logger, inbox, failure.GetType().Name);
        }
    }

    private sealed record ETagSeen(string ETag);
}
