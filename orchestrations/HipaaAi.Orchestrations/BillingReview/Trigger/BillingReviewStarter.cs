using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs.Specialized;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.BillingReview.Trigger;

/// <summary>Why a queue message was not accepted as a claim. Codes only.</summary>
public static class MessageRejections
{
    public const string Empty = "EmptyMessage";
    public const string TooLarge = "MessageTooLarge";
    public const string NotAClaim = "NotX12OrClaimJson";
}

/// <summary>What happened to one delivered claim file or message.</summary>
public enum BillingStartOutcome
{
    Started,
    AlreadyDelivered,
    Gone,
    Rejected,
}

/// <summary>The start outcome, the instance it maps to, and for a rejected message the reason code.</summary>
public sealed record BillingStart(BillingStartOutcome Outcome, string? InstanceId, string? Rejection = null);

/// <summary>
/// Starts billing review for a claim file in the claims inbox (the Functions Event Grid blob trigger and the local
/// inbox watcher) or a claim sent as a queue message. The instance id comes from the container, the name and the
/// content hash, so a repeated delivery is one orchestration. A message is stored in the claims inbox first, so the
/// orchestration carries a reference like any file; a message that is not a claim at all is rejected, audited and
/// consumed: it never returns to the queue to fail again.
/// </summary>
public sealed class BillingReviewStarter(
    DocumentStore store,
    ContentDeliveryStarter deliveries,
    IOptions<BillingWorkflowOptions> options,
    IOptions<BillingReviewOptions> checkOptions,
    ILogger<BillingReviewStarter> logger)
{
    public const string RejectedAction = "message.rejected";
    public const string MessagePrefix = "queue/";

    public static ContentDeliveryWorkflow Delivery { get; } = new(Workflow.BillingReview, nameof(BillingReviewStarter),
        BillingReviewOrchestrator.Name, "clm-", "billing-");

    public static string FileIdFor(string container, string name, string sha256) =>
        Delivery.SubjectIdFor(container, name, sha256);

    public static string InstanceIdFor(string fileId) => Delivery.InstanceIdFor(fileId);

    /// <summary>The classification of a message body before anything is stored: null when it may be a claim.</summary>
    public static string? RejectionFor(string? body, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return MessageRejections.Empty;
        }

        if (Encoding.UTF8.GetByteCount(body) > maxBytes)
        {
            return MessageRejections.TooLarge;
        }

        var start = body.AsSpan().TrimStart('\uFEFF').TrimStart();
        return start[0] is '{' or '[' || start.StartsWith("ISA", StringComparison.Ordinal)
            ? null
            : MessageRejections.NotAClaim;
    }

    public async Task<BillingStart> StartFromMessageAsync(
        DurableTaskClient client,
        string messageId,
        string? body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(messageId);

        var subject = "msg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)))[..32];
        var rejection = RejectionFor(body, options.Value.MaxMessageBytes);
        if (rejection is not null)
        {
            await deliveries.AuditAsync(Delivery, subject, subject, RejectedAction, AuditOutcomes.Refused, rejection,
                cancellationToken).ConfigureAwait(false);
            BillingLogs.MessageRejected(logger, subject, rejection);
            return new BillingStart(BillingStartOutcome.Rejected, null, rejection);
        }

        var extension = body!.TrimStart('\uFEFF').TrimStart()[0] is '{' or '[' ? ".json" : ".x12";
        var name = $"{MessagePrefix}{subject}{extension}";
        await store.Container(StorageNames.ClaimsInbox).GetBlobClient(name)
            .UploadAsync(BinaryData.FromString(body), overwrite: true, cancellationToken).ConfigureAwait(false);
        return await StartAsync(client, StorageNames.ClaimsInbox, name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BillingStart> StartAsync(
        DurableTaskClient client,
        string container,
        string name,
        CancellationToken cancellationToken)
    {
        var storageBase = WithTrailingSlash(store.Container(StorageNames.Outbox).GetParentBlobServiceClient().Uri);
        var settings = options.Value.ToSettings(checkOptions.Value.StaffReviewThreshold);
        var delivery = await deliveries.StartAsync(client, Delivery, container, name,
            (fileId, source) => new BillingRequest(fileId, source, storageBase, settings), cancellationToken)
            .ConfigureAwait(false);

        if (delivery.Outcome == StartOutcome.Started)
        {
            BillingLogs.ReviewStarted(logger, delivery.InstanceId!, delivery.Source!.Size, container);
        }

        return new BillingStart(delivery.Outcome switch
        {
            StartOutcome.Started => BillingStartOutcome.Started,
            StartOutcome.AlreadyDelivered => BillingStartOutcome.AlreadyDelivered,
            _ => BillingStartOutcome.Gone,
        }, delivery.InstanceId);
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
