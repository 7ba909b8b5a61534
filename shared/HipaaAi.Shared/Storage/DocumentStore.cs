using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace HipaaAi.Shared.Storage;

/// <summary>
/// Blob and queue operations the workflows need. Intermediate results are JSON blobs; files are staged to a private
/// temporary folder for engines that need a path, and deleted when the stage is disposed.
/// </summary>
public sealed class DocumentStore(StorageClients clients)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>Reads the current size and SHA-256 of a blob, or null when it no longer exists.</summary>
    public async Task<BlobReference?> DescribeAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        try
        {
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            using var download = response.Value;
            var hash = await SHA256.HashDataAsync(download.Content, cancellationToken).ConfigureAwait(false);
            return new BlobReference(
                container,
                name,
                download.Details.ContentLength,
                Convert.ToHexStringLower(hash),
                download.Details.ContentType);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Downloads a blob into a private temporary file that is deleted when the returned stage is disposed.</summary>
    public async Task<StagedFile> StageAsync(BlobReference source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);

        var stage = StagedFile.Create(Path.GetExtension(source.Name));
        try
        {
            var blob = clients.Blobs.GetBlobContainerClient(source.Container).GetBlobClient(source.Name);
            await blob.DownloadToAsync(stage.Path, cancellationToken).ConfigureAwait(false);
            return stage;
        }
        catch
        {
            stage.Dispose();
            throw;
        }
    }

    public async Task WriteJsonAsync<T>(
        string container,
        string name,
        T value,
        IDictionary<string, string>? metadata,
        CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = metadata,
        };
        await blob.UploadAsync(new BinaryData(bytes), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<T> ReadJsonAsync<T>(string container, string name, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToObjectFromJson<T>(Json)
            ?? throw new InvalidDataException($"Blob {container}/{name} holds no JSON value.");
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        return await blob.ExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a blob to another container with metadata. Safe to repeat: when the source is already gone and the
    /// destination exists, an earlier attempt finished the move.
    /// </summary>
    public async Task MoveAsync(
        BlobReference source,
        string destinationContainer,
        string destinationName,
        IDictionary<string, string> metadata,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);

        var from = clients.Blobs.GetBlobContainerClient(source.Container).GetBlobClient(source.Name);
        var to = clients.Blobs.GetBlobContainerClient(destinationContainer).GetBlobClient(destinationName);

        if (await from.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            var response = await from.DownloadStreamingAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            using (var download = response.Value)
            {
                var options = new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = source.ContentType },
                    Metadata = metadata,
                };
                await to.UploadAsync(download.Content, options, cancellationToken).ConfigureAwait(false);
            }

            await from.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!await to.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new FileNotFoundException(
                $"Neither the source blob nor its destination in '{destinationContainer}' exists.");
        }
    }

    /// <summary>Deletes a blob only while it still holds the content with the given hash.</summary>
    public async Task<bool> DeleteAsync(string container, string name, string expectedSha256, CancellationToken token)
    {
        var current = await DescribeAsync(container, name, token).ConfigureAwait(false);
        if (current is null || !string.Equals(current.Sha256, expectedSha256, StringComparison.Ordinal))
        {
            return false;
        }

        var blob = clients.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
        var deleted = await blob.DeleteIfExistsAsync(cancellationToken: token).ConfigureAwait(false);
        return deleted.Value;
    }

    public async Task<int> DeletePrefixAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var containerClient = clients.Blobs.GetBlobContainerClient(container);
        var deleted = 0;
        await foreach (var item in containerClient.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix,
            cancellationToken).ConfigureAwait(false))
        {
            await containerClient.DeleteBlobIfExistsAsync(item.Name, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            deleted++;
        }

        return deleted;
    }

    public async Task EnqueueAsync(string queue, object message, CancellationToken cancellationToken)
    {
        var client = clients.Queues.GetQueueClient(queue);
        var body = JsonSerializer.Serialize(message, Json);
        await client.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates every container and the given queues; used by the local host, where no template does it.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        foreach (var container in StorageNames.AllContainers)
        {
            await clients.Blobs.GetBlobContainerClient(container)
                .CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in queues)
        {
            await clients.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public BlobContainerClient Container(string name) => clients.Blobs.GetBlobContainerClient(name);
}
