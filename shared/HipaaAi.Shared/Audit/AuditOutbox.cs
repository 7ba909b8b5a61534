using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace HipaaAi.Shared.Audit;

/// <summary>One stored batch of undelivered audit events.</summary>
public sealed record AuditOutboxEntry(string Id);

/// <summary>
/// Durable storage for audit events the ingestion sink could not deliver. An entry is stored before
/// <see cref="AddAsync"/> returns and removed only after its events arrived.
/// </summary>
public interface IAuditOutbox
{
    Task AddAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken);

    /// <summary>Stored entries, oldest first.</summary>
    Task<IReadOnlyList<AuditOutboxEntry>> ListAsync(int maxEntries, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEvent>> ReadAsync(AuditOutboxEntry entry, CancellationToken cancellationToken);

    Task RemoveAsync(AuditOutboxEntry entry, CancellationToken cancellationToken);
}

/// <summary>Settings of the outbox and its dispatcher, bound from <c>Audit:Outbox</c>.</summary>
public sealed class AuditOutboxOptions
{
    public const string SectionName = "Audit:Outbox";

    /// <summary>A local folder for the outbox; for hosts with a persistent disk and for local runs.</summary>
    public string? LocalPath { get; set; }

    /// <summary>A blob container URL for the outbox (managed identity); for serverless hosts without a disk.</summary>
    public Uri? BlobContainerUri { get; set; }

    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxEntriesPerPass { get; set; } = 100;
}

internal static class OutboxNames
{
    public const string Extension = ".json";

    /// <summary>Names sort by creation time, so listing in name order is oldest first.</summary>
    public static string NewEntryName(TimeProvider time) =>
        time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N") +
        Extension;

    public static byte[] Serialize(IReadOnlyList<AuditEvent> events) =>
        JsonSerializer.SerializeToUtf8Bytes(events, ChainJson.Options);

    public static IReadOnlyList<AuditEvent> Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<List<AuditEvent>>(json, ChainJson.Options)
        ?? throw new AuditChainException("An audit outbox entry is empty.");
}

/// <summary>An outbox in a local folder: one file per batch, written to a temporary name, synced and renamed.</summary>
public sealed class FileAuditOutbox(string folder, TimeProvider time) : IAuditOutbox
{
    public async Task AddAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, OutboxNames.NewEntryName(time));
        var temporary = path + ".tmp";
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096,
            FileOptions.WriteThrough | FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(OutboxNames.Serialize(events), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path);
    }

    public Task<IReadOnlyList<AuditOutboxEntry>> ListAsync(int maxEntries, CancellationToken cancellationToken)
    {
        IReadOnlyList<AuditOutboxEntry> entries = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + OutboxNames.Extension)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .Take(maxEntries)
                .Select(name => new AuditOutboxEntry(name))
                .ToList()
            : [];
        return Task.FromResult(entries);
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(AuditOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var bytes = await File.ReadAllBytesAsync(PathOf(entry), cancellationToken).ConfigureAwait(false);
        return OutboxNames.Deserialize(bytes);
    }

    public Task RemoveAsync(AuditOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        File.Delete(PathOf(entry));
        return Task.CompletedTask;
    }

    private string PathOf(AuditOutboxEntry entry) => Path.Combine(folder, Path.GetFileName(entry.Id));
}

/// <summary>An outbox in a blob container, for serverless hosts whose local disk does not outlive the instance.</summary>
public sealed class BlobAuditOutbox(BlobContainerClient container, TimeProvider time) : IAuditOutbox
{
    public async Task AddAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        // Upload without overwrite: a name collision fails loudly instead of replacing stored events.
        await container.UploadBlobAsync(
            OutboxNames.NewEntryName(time), BinaryData.FromBytes(OutboxNames.Serialize(events)), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditOutboxEntry>> ListAsync(int maxEntries, CancellationToken cancellationToken)
    {
        var entries = new List<AuditOutboxEntry>();
        try
        {
            await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, null, cancellationToken)
                               .ConfigureAwait(false))
            {
                entries.Add(new AuditOutboxEntry(blob.Name));
                if (entries.Count == maxEntries)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return []; // The container is created by the infrastructure; before that there is nothing to deliver.
        }

        return entries;
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(AuditOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var content = await container.GetBlobClient(entry.Id).DownloadContentAsync(cancellationToken)
            .ConfigureAwait(false);
        return OutboxNames.Deserialize(content.Value.Content.ToMemory().Span);
    }

    public async Task RemoveAsync(AuditOutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await container.DeleteBlobIfExistsAsync(entry.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
