using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace HipaaAi.Shared.Storage;

/// <summary>
/// Creates the blob and queue service clients from the same connection setting the Functions triggers use. In Azure
/// that setting is a section of service URIs and the app's managed identity signs in; on a developer's machine it is
/// the storage emulator's well-known development setting. No account key ever appears in configuration.
/// </summary>
public sealed class StorageClients
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public StorageClients(IConfiguration configuration, TokenCredential credential, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(connectionName);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };

        if (section.Value is { Length: > 0 } value)
        {
            if (!value.StartsWith(DevelopmentStorage, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Setting '{connectionName}' must be '{DevelopmentStorage}' locally or a section with " +
                    "blobServiceUri and queueServiceUri in Azure; account keys are not accepted.");
            }

            Blobs = new BlobServiceClient(value);
            Queues = new QueueServiceClient(value, queueOptions);
            return;
        }

        var blobUri = section["blobServiceUri"] ?? throw MissingSetting(connectionName, "blobServiceUri");
        var queueUri = section["queueServiceUri"] ?? throw MissingSetting(connectionName, "queueServiceUri");
        Blobs = new BlobServiceClient(new Uri(blobUri), credential);
        Queues = new QueueServiceClient(new Uri(queueUri), credential, queueOptions);
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    private static InvalidOperationException MissingSetting(string connectionName, string key) =>
        new($"Setting '{connectionName}__{key}' is missing.");
}
