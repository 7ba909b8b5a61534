using System.Globalization;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>The machine-readable companion of a packet: the assessment plus where each part sits in the PDF.</summary>
public sealed record PacketSummary(
    string CaseId,
    string Readiness,
    PriorAuthAssessment Assessment,
    int PageCount,
    IReadOnlyList<PacketSection> Sections);

/// <summary>
/// Builds the packet PDF (cover sheet, criteria checklist with citations, documents in the payer's order) and its
/// summary JSON into the records container, then drops the case's page texts from the work container.
/// </summary>
public sealed class BuildPacketActivity(DocumentStore store) : IWorkflowActivity<BuildPacketInput, BuildPacketResult>
{
    public async Task<BuildPacketResult> RunAsync(
        BuildPacketInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var assessment = await store.ReadJsonAsync<PriorAuthAssessment>(StorageNames.Records,
            CaseBlobs.Assessment(input.CaseId), cancellationToken).ConfigureAwait(false);

        var stages = new List<StagedFile>();
        try
        {
            var sources = new List<PacketSource>();
            foreach (var segment in input.Segments)
            {
                sources.Add(await SourceForAsync(segment, stages, cancellationToken).ConfigureAwait(false));
            }

            var packet = await PacketPdfBuilder.BuildAsync(input.CaseId, assessment, sources, cancellationToken)
                .ConfigureAwait(false);
            var packetBlob = store.Container(StorageNames.Records).GetBlobClient(CaseBlobs.Packet(input.CaseId));
            await packetBlob.UploadAsync(new BinaryData(packet.Pdf), overwrite: true, cancellationToken)
                .ConfigureAwait(false);
            var summary = new PacketSummary(input.CaseId, assessment.Readiness, assessment, packet.PageCount,
                packet.Sections);
            await store.WriteJsonAsync(StorageNames.Records, CaseBlobs.Summary(input.CaseId), summary, null,
                cancellationToken).ConfigureAwait(false);

            foreach (var documentId in input.Segments.Select(segment => segment.DocumentId).Distinct(StringComparer.Ordinal))
            {
                await store.DeletePrefixAsync(StorageNames.Work, WorkBlobs.Prefix(documentId), cancellationToken)
                    .ConfigureAwait(false);
            }

            execution.ReportOutcome(AuditOutcomes.Succeeded,
                string.Create(CultureInfo.InvariantCulture, $"pages={packet.PageCount};documents={sources.Count}"));
            return new BuildPacketResult($"{StorageNames.Records}/{CaseBlobs.Packet(input.CaseId)}",
                $"{StorageNames.Records}/{CaseBlobs.Summary(input.CaseId)}", packet.PageCount);
        }
        finally
        {
            foreach (var stage in stages)
            {
                stage.Dispose();
            }
        }
    }

    private async Task<PacketSource> SourceForAsync(
        CaseSegment segment,
        List<StagedFile> stages,
        CancellationToken cancellationToken)
    {
        var id = $"{segment.DocumentId}/{segment.Index:D2}";
        // The read text stands in for pages that can be neither copied nor drawn, and for image sources.
        var pages = await PageLoader.LoadAsync(store, segment.DocumentId, segment.FirstPage, segment.LastPage,
            cancellationToken).ConfigureAwait(false);
        string? pdfPath = null;
        if (segment.Format == DocumentFormat.Pdf)
        {
            var staged = await store.StageAsync(segment.Source, cancellationToken).ConfigureAwait(false);
            stages.Add(staged);
            pdfPath = staged.Path;
        }

        return new PacketSource(id, segment.Type, pdfPath, segment.FirstPage, segment.LastPage,
            [.. pages.Select(page => page.Text)]);
    }
}
