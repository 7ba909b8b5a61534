using System.Security.Cryptography;
using System.Text;
using Azure;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>A packet handed to a payer channel (portal or fax), by reference.</summary>
public sealed record SubmissionPackage(string CaseId, string Payer, string PacketBlob, string SummaryBlob);

/// <summary>
/// How packets reach payers and how their answers come back. A portal integration or a fax service implements it;
/// submitting the same case twice must return the first submission (activities are retried).
/// </summary>
public interface IPriorAuthSubmissionAdapter
{
    string Channel { get; }

    Task<string> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken);

    Task<PayerStatus> GetStatusAsync(string submissionId, CancellationToken cancellationToken);
}

/// <summary>What the outbox keeps per submission: the payer's current answer, written by the channel.</summary>
public sealed record OutboxSubmission(string SubmissionId, string CaseId, string Payer, PayerStatus Status, string? PayerReference);

/// <summary>
/// The embedded default channel: the packet and its summary are copied into the <c>outbox</c> container, where a fax
/// or portal service picks them up, and that service writes the payer's answer into the submission's status blob.
/// Locally, <see cref="LocalPayerPortal"/> plays that service.
/// </summary>
public sealed class OutboxSubmissionAdapter(DocumentStore store) : IPriorAuthSubmissionAdapter
{
    public const string Prefix = "prior-auth/";

    public string Channel => "outbox";

    public static string SubmissionIdFor(string caseId) =>
        "sub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caseId)))[..24];

    public static string StatusBlob(string submissionId) => $"{Prefix}{submissionId}/status.json";

    public async Task<string> SubmitAsync(SubmissionPackage package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(package);

        var submissionId = SubmissionIdFor(package.CaseId);
        if (await store.ExistsAsync(StorageNames.Outbox, StatusBlob(submissionId), cancellationToken).ConfigureAwait(false))
        {
            return submissionId;
        }

        await CopyAsync(package.PacketBlob, $"{Prefix}{submissionId}/packet.pdf", cancellationToken).ConfigureAwait(false);
        await CopyAsync(package.SummaryBlob, $"{Prefix}{submissionId}/summary.json", cancellationToken)
            .ConfigureAwait(false);

        // The status blob is written last: its presence says the whole submission is in the outbox.
        var submission = new OutboxSubmission(submissionId, package.CaseId, package.Payer, PayerStatus.Pending, null);
        await store.WriteJsonAsync(StorageNames.Outbox, StatusBlob(submissionId), submission, null, cancellationToken)
            .ConfigureAwait(false);
        return submissionId;
    }

    public async Task<PayerStatus> GetStatusAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await store.ReadJsonAsync<OutboxSubmission>(StorageNames.Outbox, StatusBlob(submissionId),
            cancellationToken).ConfigureAwait(false);
        return submission.Status;
    }

    private async Task CopyAsync(string recordsBlob, string outboxName, CancellationToken cancellationToken)
    {
        var source = store.Container(StorageNames.Records).GetBlobClient(recordsBlob);
        var content = await source.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        await store.Container(StorageNames.Outbox).GetBlobClient(outboxName)
            .UploadAsync(content.Value.Content, overwrite: true, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// The local stand-in for a payer portal: it lists what arrived in the outbox and records a payer's answer, the way a
/// portal integration would. Nothing decides by itself; a test, a person or a command says what the payer answered.
/// </summary>
public sealed class LocalPayerPortal(DocumentStore store)
{
    public async Task<IReadOnlyList<OutboxSubmission>> ListAsync(CancellationToken cancellationToken)
    {
        var submissions = new List<OutboxSubmission>();
        await foreach (var blob in store.Container(StorageNames.Outbox)
            .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None,
                OutboxSubmissionAdapter.Prefix, cancellationToken)
            .ConfigureAwait(false))
        {
            if (blob.Name.EndsWith("/status.json", StringComparison.Ordinal))
            {
                submissions.Add(await store.ReadJsonAsync<OutboxSubmission>(StorageNames.Outbox, blob.Name,
                    cancellationToken).ConfigureAwait(false));
            }
        }

        return submissions;
    }

    public async Task RecordAnswerAsync(
        string submissionId,
        PayerStatus status,
        string? payerReference,
        CancellationToken cancellationToken)
    {
        var name = OutboxSubmissionAdapter.StatusBlob(submissionId);
        try
        {
            var current = await store.ReadJsonAsync<OutboxSubmission>(StorageNames.Outbox, name, cancellationToken)
                .ConfigureAwait(false);
            await store.WriteJsonAsync(StorageNames.Outbox, name, current with
            {
                Status = status,
                PayerReference = payerReference,
            }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            throw new InvalidOperationException($"No submission {submissionId} is in the outbox.", failure);
        }
    }
}
