using System.Globalization;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Moves a file that cannot be processed into the quarantine container, with the reason in its metadata, and drops
/// whatever intermediate results it left in the work container.
/// </summary>
public sealed class QuarantineActivity(DocumentStore store, TimeProvider timeProvider)
    : IWorkflowActivity<QuarantineInput, QuarantineResult>
{
    public async Task<QuarantineResult> RunAsync(
        QuarantineInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var destination = $"{input.Source.Container}/{input.DocumentId}{Path.GetExtension(input.Source.Name)}";
        var metadata = new Dictionary<string, string>
        {
            ["reason"] = input.Reason,
            ["detail"] = MetadataValue(input.Detail ?? string.Empty),
            ["documentid"] = input.DocumentId,
            ["instanceid"] = execution.InstanceId,
            ["sha256"] = input.Source.Sha256,
            ["quarantinedat"] = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };

        await store.MoveAsync(input.Source, StorageNames.Quarantine, destination, metadata, cancellationToken)
            .ConfigureAwait(false);
        await store.DeletePrefixAsync(StorageNames.Work, WorkBlobs.Prefix(input.DocumentId), cancellationToken)
            .ConfigureAwait(false);

        execution.ReportOutcome(AuditOutcomes.Quarantined, input.Reason);
        return new QuarantineResult($"{StorageNames.Quarantine}/{destination}");
    }

    /// <summary>Blob metadata takes ASCII only; reasons are codes and short sentences, so anything else is dropped.</summary>
    private static string MetadataValue(string value)
    {
        var ascii = new string(value.Where(c => c is >= ' ' and <= '~').ToArray());
        return ascii.Length <= 256 ? ascii : ascii[..256];
    }
}
