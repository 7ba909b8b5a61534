using Azure.Storage.Blobs.Models;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>Stores and reads one claim in its JSON form (<see cref="ClaimJson"/>), PHI included: blobs only.</summary>
internal static class ClaimBlobs
{
    public static async Task WriteAsync(DocumentStore store, string container, string name, Claim claim,
        CancellationToken cancellationToken, IDictionary<string, string>? metadata = null)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = metadata,
        };
        await store.Container(container).GetBlobClient(name)
            .UploadAsync(BinaryData.FromString(ClaimJson.Serialize(claim)), options, cancellationToken)
            .ConfigureAwait(false);
    }

    public static async Task<Claim> ReadAsync(DocumentStore store, string container, string name,
        CancellationToken cancellationToken)
    {
        var content = await store.Container(container).GetBlobClient(name)
            .DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var claims = ClaimJson.Deserialize(content.Value.Content.ToString());
        return claims.Count == 1
            ? claims[0]
            : throw new InvalidDataException($"Blob {container}/{name} holds {claims.Count} claims, not one.");
    }
}
