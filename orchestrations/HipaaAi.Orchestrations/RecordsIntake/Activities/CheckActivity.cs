using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Checks each document of a file: every page belongs to the same patient, and the companion documents its type
/// requires are present in the same packet. Reports content-free exception codes per document.
/// </summary>
public sealed class CheckActivity(
    DocumentStore store,
    PatientConsistencyCheck consistency,
    CompanionDocumentRules companions)
    : IWorkflowActivity<CheckInput, CheckResult>
{
    public async Task<CheckResult> RunAsync(CheckInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var typesInPacket = input.Segments.Select(segment => segment.Type).ToList();
        var exceptions = new Dictionary<int, IReadOnlyList<string>>();
        var total = 0;

        foreach (var segment in input.Segments)
        {
            var pages = await PageLoader.LoadAsync(store, input.DocumentId, segment.FirstPage, segment.LastPage,
                cancellationToken).ConfigureAwait(false);
            var found = new List<string>();
            found.AddRange(consistency.Check(pages));
            found.AddRange(companions.FindMissing(segment.Type, typesInPacket));
            exceptions[segment.Index] = found;
            total += found.Count;
        }

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"exceptions={total}");
        return new CheckResult(exceptions);
    }
}
