using System.Globalization;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Archives the claim file beside its findings reports and deletes the per-claim work blobs, so the inbox only holds
/// files still waiting and PHI stays only where the reports and released claims are.
/// </summary>
public sealed class FinishClaimFileActivity(DocumentStore store, TimeProvider timeProvider)
    : IWorkflowActivity<FinishClaimFileInput, FinishClaimFileResult>
{
    public async Task<FinishClaimFileResult> RunAsync(
        FinishClaimFileInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var archive = BillingBlobs.Archive(input.FileId, input.Source.Name);
        var metadata = new Dictionary<string, string>
        {
            ["fileid"] = input.FileId,
            ["instanceid"] = execution.InstanceId,
            ["sha256"] = input.Source.Sha256,
            ["inbox"] = input.Source.Container,
            ["archivedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await store.MoveAsync(input.Source, StorageNames.Outbox, archive, metadata, cancellationToken)
            .ConfigureAwait(false);
        var deleted = await store.DeletePrefixAsync(StorageNames.Work, BillingBlobs.WorkPrefix(input.FileId),
            cancellationToken).ConfigureAwait(false);

        return new FinishClaimFileResult(BillingBlobs.InOutbox(archive), deleted);
    }
}
