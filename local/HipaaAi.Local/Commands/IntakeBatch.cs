using System.Diagnostics;
using System.Security.Cryptography;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Puts a folder of files into the inboxes as a fax server or scanner would (TIFFs to the fax inbox, the rest to the
/// scan inbox) and waits for the orchestration each file's content maps to.
/// </summary>
public static class IntakeBatch
{
    public static Task<List<SubmittedFile>> SubmitFolderAsync(DocumentStore store, string folder, CancellationToken token)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Equals(SampleFolder.LabelsFileName, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return SubmitFilesAsync(store, folder, files, token);
    }

    /// <summary>Uploads files named relative to <paramref name="root"/>; the relative name becomes the blob name.</summary>
    public static async Task<List<SubmittedFile>> SubmitFilesAsync(
        DocumentStore store,
        string root,
        IReadOnlyList<string> relativeNames,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(relativeNames);

        var submitted = new List<SubmittedFile>(relativeNames.Count);
        foreach (var name in relativeNames)
        {
            var path = Path.Combine(root, name);
            var inbox = InboxFor(path);
            var bytes = await File.ReadAllBytesAsync(path, token).ConfigureAwait(false);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            await store.Container(inbox).GetBlobClient(name).UploadAsync(new BinaryData(bytes), overwrite: true, token)
                .ConfigureAwait(false);

            var documentId = RecordsIntakeStarter.DocumentIdFor(inbox, name, sha);
            submitted.Add(new SubmittedFile(name, inbox, documentId, RecordsIntakeStarter.InstanceIdFor(documentId)));
        }

        return submitted;
    }

    /// <summary>
    /// Waits until every file has ended, or has only staff decisions left (its custom status then holds the result so
    /// far), unless <paramref name="waitForReviews"/> asks to wait for the decisions too.
    /// </summary>
    public static async Task<List<FinishedFile>> WaitForAllAsync(
        DurableTaskClient client,
        IReadOnlyList<SubmittedFile> files,
        TextWriter output,
        CancellationToken token,
        bool waitForReviews = false)
    {
        var pending = files.ToDictionary(file => file.InstanceId, StringComparer.Ordinal);
        var finished = new List<FinishedFile>(files.Count);
        var clock = Stopwatch.StartNew();

        while (pending.Count > 0)
        {
            foreach (var file in pending.Values.ToList())
            {
                var state = await client.GetInstanceAsync(file.InstanceId, getInputsAndOutputs: true, token)
                    .ConfigureAwait(false);
                var awaitingReview = !waitForReviews && state is { IsCompleted: false }
                    ? ReadAwaitingReview(state)
                    : null;
                if (state is null || (!state.IsCompleted && awaitingReview is null))
                {
                    continue;
                }

                var result = awaitingReview ?? (state.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? state.ReadOutputAs<IntakeResult>()
                    : null);
                finished.Add(new FinishedFile(file, result, state.RuntimeStatus.ToString()));
                pending.Remove(file.InstanceId);
                await output.WriteLineAsync(
                    $"[{finished.Count}/{files.Count}] {clock.Elapsed.TotalSeconds,6:F1}s  {file.Name}: " +
                    (result?.Outcome.ToString() ?? state.RuntimeStatus.ToString())).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), token).ConfigureAwait(false);
        }

        return [.. finished.OrderBy(item => item.File.Name, StringComparer.Ordinal)];
    }

    /// <summary>The result so far of an instance whose documents wait for staff decisions, or null.</summary>
    public static IntakeResult? ReadAwaitingReview(OrchestrationMetadata state)
    {
        ArgumentNullException.ThrowIfNull(state);

        if (state.RuntimeStatus != OrchestrationRuntimeStatus.Running || state.SerializedCustomStatus is null)
        {
            return null;
        }

        var progress = state.ReadCustomStatusAs<IntakeProgress>();
        return progress?.Phase == IntakeProgress.AwaitingReview ? progress.Result : null;
    }

    private static string InboxFor(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".tif" or ".tiff" ? StorageNames.FaxInbox : StorageNames.ScanInbox;
}
