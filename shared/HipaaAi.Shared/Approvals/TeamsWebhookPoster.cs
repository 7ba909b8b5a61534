using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Approvals;

/// <summary>One message for an approver group: the first card, a reminder or an escalation.</summary>
public sealed record ApprovalCardPost(string ApprovalId, int Sequence, string Stage, string Group, string Envelope);

/// <summary>Where approval cards go: Teams in Azure, the local review store on a developer's machine.</summary>
public interface IApprovalCardChannel
{
    /// <summary>Delivers the message or throws, so the durable retry (and then escalation) takes over.</summary>
    Task PostAsync(ApprovalCardPost post, CancellationToken cancellationToken);
}

/// <summary>Thrown when Teams does not accept a card; carries the status code only.</summary>
public sealed class TeamsPostException(int statusCode)
    : Exception($"The Teams webhook answered {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// Posts approval cards to the Teams Workflows webhook of the approver group. 202 (or 200) is success; anything
/// else throws so the activity fails and is retried with back-off. The webhook URL is a secret and is never logged.
/// </summary>
public sealed class TeamsWebhookPoster(HttpClient http, IOptions<ApprovalOptions> options, ILogger<TeamsWebhookPoster> logger)
    : IApprovalCardChannel
{
    public async Task PostAsync(ApprovalCardPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);

        if (!options.Value.TeamsWebhooks.TryGetValue(post.Group, out var webhook))
        {
            throw new InvalidOperationException(
                $"No Teams webhook is configured for approver group '{post.Group}' ({ApprovalOptions.Section}:TeamsWebhooks).");
        }

        var size = Encoding.UTF8.GetByteCount(post.Envelope);
        using var content = new StringContent(post.Envelope, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(webhook, content, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            Logs.CardPosted(logger, post.ApprovalId, size, status);
            return;
        }

        Logs.CardRefused(logger, post.ApprovalId, size, status);
        throw new TeamsPostException(status);
    }
}

/// <summary>The embedded default's channel: keeps each message in the local review store instead of Teams.</summary>
public sealed class LocalReviewChannel(ApprovalStore store, ILogger<LocalReviewChannel> logger) : IApprovalCardChannel
{
    public async Task PostAsync(ApprovalCardPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);

        await store.RecordPostAsync(post.ApprovalId, post.Sequence, post.Stage, post.Envelope, cancellationToken)
            .ConfigureAwait(false);
        var size = Encoding.UTF8.GetByteCount(post.Envelope);
        Logs.CardKeptLocally(logger, post.ApprovalId, size);
    }
}
