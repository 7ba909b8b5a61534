using System.Globalization;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Writes a claim to the outbox (claim JSON form) and announces it on the released queue by reference: as received,
/// or, after edit-and-approve, the corrected claim billing staff stored beside the report. Safe to repeat: a claim
/// already released by an earlier attempt is not announced twice.
/// </summary>
public sealed class ReleaseClaimActivity(DocumentStore store, TimeProvider timeProvider)
    : IWorkflowActivity<ReleaseClaimInput, ReleaseResult>
{
    private const string AnnouncedMarker = "announced";

    public async Task<ReleaseResult> RunAsync(
        ReleaseClaimInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var received = await ClaimBlobs.ReadAsync(store, StorageNames.Work, input.ClaimBlob, cancellationToken)
            .ConfigureAwait(false);
        var claim = received;
        var outcome = ClaimOutcome.Released;
        if (input.Kind == ReleaseKind.Corrected)
        {
            var correction = await ReadCorrectionAsync(input, received, cancellationToken).ConfigureAwait(false);
            if (correction.Claim is null)
            {
                execution.ReportOutcome("Held", correction.Problem);
                return new ReleaseResult(ClaimOutcome.Held, null, correction.Problem);
            }

            claim = correction.Claim;
            outcome = ClaimOutcome.Corrected;
        }

        var name = BillingBlobs.Released(input.FileId, input.Index);
        var released = store.Container(StorageNames.Outbox).GetBlobClient(name);
        if (await released.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            var properties = await released.GetPropertiesAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (properties.Value.Metadata.ContainsKey(AnnouncedMarker))
            {
                execution.ReportOutcome(outcome.ToString(), "already-released");
                return new ReleaseResult(outcome, BillingBlobs.InOutbox(name), null);
            }
        }

        var metadata = new Dictionary<string, string>
        {
            ["fileid"] = input.FileId,
            ["claimindex"] = input.Index.ToString(CultureInfo.InvariantCulture),
            ["outcome"] = outcome.ToString(),
            ["releasedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        await ClaimBlobs.WriteAsync(store, StorageNames.Outbox, name, claim, cancellationToken, metadata)
            .ConfigureAwait(false);
        await store.EnqueueAsync(BillingQueues.Released, new ReleasedClaimMessage(input.FileId, input.Index, outcome,
            BillingBlobs.InOutbox(name), BillingBlobs.InOutbox(BillingBlobs.Report(input.FileId, input.Index))),
            cancellationToken).ConfigureAwait(false);
        metadata[AnnouncedMarker] = "true";
        await released.SetMetadataAsync(metadata, cancellationToken: cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(outcome.ToString());
        return new ReleaseResult(outcome, BillingBlobs.InOutbox(name), null);
    }

    private async Task<(Claim? Claim, string? Problem)> ReadCorrectionAsync(
        ReleaseClaimInput input, Claim received, CancellationToken cancellationToken)
    {
        var name = BillingBlobs.Correction(input.FileId, input.Index);
        if (!await store.ExistsAsync(StorageNames.Outbox, name, cancellationToken).ConfigureAwait(false))
        {
            return (null, BillingReasons.CorrectedClaimMissing);
        }

        try
        {
            var corrected = await ClaimBlobs.ReadAsync(store, StorageNames.Outbox, name, cancellationToken)
                .ConfigureAwait(false);

            // A correction of another claim would release the wrong patient's claim under this one's name.
            return string.Equals(corrected.ClaimId, received.ClaimId, StringComparison.Ordinal)
                ? (corrected, null)
                : (null, BillingReasons.CorrectedClaimInvalid);
        }
        catch (Exception failure) when (failure is FormatException or InvalidDataException)
        {
            return (null, BillingReasons.CorrectedClaimInvalid);
        }
    }
}
