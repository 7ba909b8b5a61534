using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>
/// Resolves the documents a request names: blob references as they are now (size and hash, so preflight can tell
/// a later change), and records that records intake already produced, whose archived source and type are reused.
/// References that cannot be used become content-free problem codes, never silence.
/// </summary>
public sealed partial class GatherDocumentsActivity(DocumentStore store) : IWorkflowActivity<GatherInput, GatherResult>
{
    public async Task<GatherResult> RunAsync(GatherInput input, ActivityExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var request = await store.ReadJsonAsync<PriorAuthRequestMessage>(StorageNames.Records, input.RequestBlob,
            cancellationToken).ConfigureAwait(false);
        var sources = new List<CaseSource>();
        var problems = new List<string>();

        foreach (var (reference, position) in (request.Documents ?? []).Select((reference, index) => (reference, index + 1)))
        {
            var slash = reference.IndexOf('/', StringComparison.Ordinal);
            var blob = slash > 0
                ? await store.DescribeAsync(reference[..slash], reference[(slash + 1)..], cancellationToken)
                    .ConfigureAwait(false)
                : null;
            if (blob is null)
            {
                problems.Add($"DocumentNotFound:{position}");
                continue;
            }

            DocumentType? declared = request.DeclaredTypes?.TryGetValue(reference, out var type) == true ? type : null;
            sources.Add(new CaseSource(DocumentIdFor(input.CaseId, reference, blob.Sha256), blob, declared, null, null));
        }

        var records = new List<string>(request.IntakeRecords ?? []);
        if (request.UsePatientIntakeRecords && !string.IsNullOrWhiteSpace(request.PatientReference))
        {
            records.AddRange(await FindPatientRecordsAsync(request.PatientReference, cancellationToken).ConfigureAwait(false));
        }

        foreach (var (recordBlob, position) in records.Distinct(StringComparer.Ordinal).Select((name, index) => (name, index + 1)))
        {
            var source = await ResolveIntakeRecordAsync(input.CaseId, recordBlob, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                problems.Add($"IntakeRecordNotFound:{position}");
                continue;
            }

            sources.Add(source);
        }

        execution.ReportOutcome(AuditOutcomes.Succeeded, $"sources={sources.Count};problems={problems.Count}");
        return new GatherResult(sources, problems);
    }

    public static string DocumentIdFor(string caseId, string reference, string sha256) =>
        "pa-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}\n{reference}\n{sha256}")))[..28];

    private async Task<CaseSource?> ResolveIntakeRecordAsync(string caseId, string recordBlob, CancellationToken token)
    {
        var name = recordBlob.StartsWith(StorageNames.Records + "/", StringComparison.Ordinal)
            ? recordBlob[(StorageNames.Records.Length + 1)..]
            : recordBlob;
        if (!await store.ExistsAsync(StorageNames.Records, name, token).ConfigureAwait(false))
        {
            return null;
        }

        var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, name, token).ConfigureAwait(false);
        var archive = WorkBlobs.Archive(record.DocumentId, record.Source.Name);
        var blob = await store.DescribeAsync(StorageNames.Records, archive, token).ConfigureAwait(false);
        return blob is null
            ? null
            : new CaseSource(DocumentIdFor(caseId, name, blob.Sha256), blob, record.Type, record.FirstPage, record.LastPage);
    }

    private async Task<List<string>> FindPatientRecordsAsync(string patientReference, CancellationToken token)
    {
        var found = new List<string>();
        await foreach (var blob in store.Container(StorageNames.Records).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "doc-",
            token).ConfigureAwait(false))
        {
            if (!RecordNameRegex().IsMatch(blob.Name))
            {
                continue;
            }

            var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, blob.Name, token)
                .ConfigureAwait(false);
            var matches = record.Fields.Any(field =>
                field.Name is FieldNames.Mrn or FieldNames.MemberId
                && string.Equals(field.Value.Trim(), patientReference.Trim(), StringComparison.OrdinalIgnoreCase));
            if (matches)
            {
                found.Add(blob.Name);
            }
        }

        return found;
    }

    [GeneratedRegex(@"^doc-[0-9a-f]+/\d{2}\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordNameRegex();
}
