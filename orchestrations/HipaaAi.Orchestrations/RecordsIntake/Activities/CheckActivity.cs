using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>
/// Checks each document of a file: every page belongs to the same patient, and the companion documents its type
/// requires are present in the same packet. Reports content-free exceptions per document.
/// </summary>
public sealed class CheckActivity(DocumentStore store, CompanionDocumentRules companions)
    : IWorkflowActivity<CheckInput, CheckResult>
{
    public async Task<CheckResult> RunAsync(CheckInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var missing = companions.FindMissing([.. input.Segments.Select(segment => segment.Type)]);
        var checks = new Dictionary<int, SegmentCheck>();
        var total = 0;

        foreach (var segment in input.Segments)
        {
            var pages = await PageLoader.LoadAsync(store, input.DocumentId, segment.FirstPage, segment.LastPage,
                cancellationToken).ConfigureAwait(false);
            var patient = PatientConsistencyCheck.Check(pages);
            var companionsMissing = missing.Where(gap => gap.ForType == segment.Type).ToList();
            checks[segment.Index] = new SegmentCheck(patient, companionsMissing);
            total += patient.Count + companionsMissing.Count;
        }

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"exceptions={total}");
        return new CheckResult(checks);
    }
}
