using System.Globalization;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Archives the source file beside its records and deletes the page texts and other intermediate results, so PHI
/// is kept only where the records are.
/// </summary>
public sealed class FinishActivity(DocumentStore store, TimeProvider timeProvider)
    : IWorkflowActivity<FinishInput, FinishResult>
{
    public async Task<FinishResult> RunAsync(FinishInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var archive = WorkBlobs.Archive(input.DocumentId, input.Source.Name);
        var metadata = new Dictionary<string, string>
        {
            ["documentid"] = input.DocumentId,
            ["instanceid"] = execution.InstanceId,
            ["sha256"] = input.Source.Sha256,
            ["inbox"] = input.Source.Container,
            ["archivedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };

        await store.MoveAsync(input.Source, StorageNames.Records, archive, metadata, cancellationToken)
            .ConfigureAwait(false);
        var deleted = await store.DeletePrefixAsync(StorageNames.Work, WorkBlobs.Prefix(input.DocumentId),
            cancellationToken).ConfigureAwait(false);

        return new FinishResult($"{StorageNames.Records}/{archive}", deleted);
    }
}
