using System.Globalization;
using Azure;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>
/// Judges the case: loads the payer's criteria for the service (the newest version in effect on the request date),
/// the pages and fields records intake produced for each document, the values typed into PDF forms, and finds the
/// evidence per criterion and every exception. The assessment (with quotations) goes to a blob; the orchestration
/// gets counts and content-free codes.
/// </summary>
public sealed class AssessActivity(DocumentStore store, PayerCriteriaCatalog catalog, TimeProvider timeProvider)
    : IWorkflowActivity<AssessInput, AssessResult>
{
    public async Task<AssessResult> RunAsync(AssessInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var message = await store.ReadJsonAsync<PriorAuthRequestMessage>(StorageNames.Records, input.RequestBlob,
            cancellationToken).ConfigureAwait(false);
        var requestDate = message.RequestDate ?? DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var request = new RequestedService(message.Payer!, message.Plan ?? string.Empty, message.Service!,
            message.ServiceCode, message.DiagnosisCode!, requestDate);
        var criteria = catalog.Find(request.Payer, request.Service, requestDate);

        var documents = new List<CaseDocument>();
        foreach (var segment in input.Segments)
        {
            documents.Add(await LoadAsync(segment, cancellationToken).ConfigureAwait(false));
        }

        var assessment = PriorAuthAssessor.Assess(request, criteria, documents);
        if (input.GatherProblems.Count > 0)
        {
            assessment = assessment with
            {
                Exceptions = [.. input.GatherProblems.Select(Problem), .. assessment.Exceptions],
            };
        }

        var blob = CaseBlobs.Assessment(input.CaseId);
        await store.WriteJsonAsync(StorageNames.Records, blob, assessment, null, cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(AuditOutcomes.Succeeded, string.Create(CultureInfo.InvariantCulture,
            $"criteria={assessment.Evidence.Count};met={assessment.CriteriaMet};exceptions={assessment.Exceptions.Count}"));
        return new AssessResult(request.Payer, request.Service, assessment.CriteriaKey, assessment.Evidence.Count,
            assessment.CriteriaMet, [.. assessment.Exceptions.Select(issue => issue.ToString())], assessment.IsReady,
            $"{StorageNames.Records}/{blob}");
    }

    private static PacketIssue Problem(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new PacketIssue(code, string.Empty) : new PacketIssue(code[..colon], code[(colon + 1)..]);
    }

    private async Task<CaseDocument> LoadAsync(CaseSegment segment, CancellationToken cancellationToken)
    {
        var pages = await PageLoader.LoadAsync(store, segment.DocumentId, segment.FirstPage, segment.LastPage,
            cancellationToken).ConfigureAwait(false);
        if (segment.Format == DocumentFormat.Pdf)
        {
            using var staged = await store.StageAsync(segment.Source, cancellationToken).ConfigureAwait(false);
            pages = PriorAuthAssessor.WithFormFields(pages, FormFieldReader.Read(staged.Path));
        }

        IReadOnlyList<ExtractedField> fields;
        try
        {
            fields = await store.ReadJsonAsync<List<ExtractedField>>(StorageNames.Work,
                WorkBlobs.Fields(segment.DocumentId, segment.Index), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            fields = [];
        }

        var id = $"{segment.DocumentId}/{segment.Index:D2}";
        return new CaseDocument(id, segment.Type, pages, fields);
    }
}
