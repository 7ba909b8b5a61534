using Azure.Storage.Blobs.Models;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Inbox;

/// <summary>
/// A folder on disk that behaves like the clinic's fax server: a file dropped into <c>fax/</c>, <c>scan/</c> or
/// <c>claims/</c> (837 files and claim JSON for billing review) is
/// uploaded into that inbox container once its size has stopped changing (a copy in progress is left alone), then
/// moved to <c>submitted/</c> so it is not sent twice.
/// </summary>
public sealed class FolderInbox(DocumentStore store, FolderInboxOptions options, ILogger<FolderInbox> logger)
    : BackgroundService
{
    private readonly Dictionary<string, long> _lastSizes = new(StringComparer.Ordinal);

    private static readonly string[] Inboxes = [.. StorageNames.RecordsInboxes, StorageNames.ClaimsInbox];

    public static string FolderFor(string root, string container) => Path.Combine(root, container switch
    {
        StorageNames.FaxInbox => "fax",
        StorageNames.ClaimsInbox => "claims",
        _ => "scan",
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var inbox in Inboxes)
        {
            Directory.CreateDirectory(FolderFor(options.Root, inbox));
        }

        Directory.CreateDirectory(Path.Combine(options.Root, "submitted"));

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            foreach (var inbox in Inboxes)
            {
                await SubmitSettledFilesAsync(inbox, stoppingToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task SubmitSettledFilesAsync(string inbox, CancellationToken token)
    {
        foreach (var path in Directory.EnumerateFiles(FolderFor(options.Root, inbox)))
        {
            try
            {
                var size = new FileInfo(path).Length;
                var settled = _lastSizes.TryGetValue(path, out var previous) && previous == size;
                _lastSizes[path] = size;
                if (!settled)
                {
                    continue;
                }

                var name = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Path.GetFileName(path)}";
                await using (var content = File.OpenRead(path))
                {
                    await store.Container(inbox).GetBlobClient(name).UploadAsync(content, new BlobUploadOptions(), token)
                        .ConfigureAwait(false);
                }

                File.Move(path, Path.Combine(options.Root, "submitted", name), overwrite: true);
                _lastSizes.Remove(path);
                LocalLogs.FolderFileSubmitted(logger, size, inbox);
            }
            catch (Exception failure) when (failure is IOException or Azure.RequestFailedException)
            {
                LocalLogs.FolderSubmitFailed(logger, failure.GetType().Name);
            }
        }
    }
}

/// <summary>Where the local folder inbox lives.</summary>
public sealed record FolderInboxOptions(string Root);
