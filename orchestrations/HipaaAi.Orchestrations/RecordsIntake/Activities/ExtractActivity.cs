using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.RecordsIntake.Activities;

/// <summary>Extracts the fields of one document into the work container and reports only their names and counts.</summary>
public sealed class ExtractActivity(DocumentStore store, IFieldExtractor extractor)
    : IWorkflowActivity<TypedSegmentInput, ExtractResult>
{
    public async Task<ExtractResult> RunAsync(TypedSegmentInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var segment = input.Segment;
        var pages = await PageLoader.LoadAsync(store, segment.DocumentId, segment.FirstPage, segment.LastPage,
            cancellationToken).ConfigureAwait(false);

        IReadOnlyList<ExtractedField> fields;
        var filtered = false;
        try
        {
            fields = await extractor.ExtractAsync(input.Type, pages, cancellationToken).ConfigureAwait(false);
        }
        catch (ContentFilteredException refused)
        {
            execution.ReportOutcome(QuarantineReasons.ContentFiltered, refused.Category);
            fields = [];
            filtered = true;
        }

        await store.WriteJsonAsync(StorageNames.Work, WorkBlobs.Fields(segment.DocumentId, segment.Index), fields,
            null, cancellationToken).ConfigureAwait(false);

        var invalid = fields.Where(field => !field.IsValid).Select(field => field.Name).Distinct().Order().ToList();
        if (!filtered)
        {
            execution.ReportOutcome(HipaaAi.Shared.Audit.AuditOutcomes.Succeeded,
                $"fields={fields.Count};invalid={invalid.Count}");
        }

        return new ExtractResult(fields.Count, invalid, filtered);
    }
}
