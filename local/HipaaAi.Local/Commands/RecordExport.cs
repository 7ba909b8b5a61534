using System.Text.Json;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Local.Commands;

/// <summary>Copies the records a run produced from the records container into a folder, plus a results summary.</summary>
public static class RecordExport
{
    public static async Task<int> WriteAsync(
        DocumentStore store,
        IReadOnlyList<FinishedFile> finished,
        string folder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(finished);

        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var item in finished)
        {
            foreach (var document in item.Result?.Documents ?? [])
            {
                var name = document.RecordBlob[(StorageNames.Records.Length + 1)..];
                var target = Path.Combine(folder, "records", name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await store.Container(StorageNames.Records).GetBlobClient(name).DownloadToAsync(target, cancellationToken)
                    .ConfigureAwait(false);
                written++;
            }
        }

        var summaryPath = Path.Combine(folder, "results.json");
        var summary = finished.Select(item => new
        {
            file = item.File.Name,
            inbox = item.File.Inbox,
            documentId = item.File.DocumentId,
            instanceId = item.File.InstanceId,
            runtimeStatus = item.RuntimeStatus,
            result = item.Result,
        });
        await File.WriteAllTextAsync(summaryPath, JsonSerializer.Serialize(summary, JsonOptions), cancellationToken)
            .ConfigureAwait(false);
        return written;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(DocumentStore.Json) { WriteIndented = true };
}
