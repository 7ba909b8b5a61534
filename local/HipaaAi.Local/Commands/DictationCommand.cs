using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using HipaaAi.Local.Hosting;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.Dictation.Trigger;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Clinical dictation on the embedded default: generates dictations (or takes <c>--input DIR</c>), drops each into
/// the dictation inbox, waits for every orchestration (a provider signs on the review page, or <c>--auto-approve</c>),
/// prints a results table and copies the signed notes from the outbox to <c>out/dictation/</c>.
/// </summary>
public static class DictationCommand
{
    private static readonly HashSet<string> AudioExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".wav", ".mp3", ".m4a", ".mp4", ".3gp", ".flac", ".ogg", ".oga", ".amr", ".wma", ".dss", ".ds2",
    };

    public static async Task<int> RunAsync(CommandLine options, LocalPaths paths, TextWriter output, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var input = options.Value("input") ?? Path.Combine(paths.StateRoot, "dictation-samples");
        if (options.Value("input") is null && !File.Exists(Path.Combine(input, DictationSampleSet.LabelsFileName)))
        {
            await output.WriteLineAsync($"Generating dictations with espeak-ng and sox in {input}").ConfigureAwait(false);
            await DictationSampleSet.GenerateAsync(input, includeLong: !options.Flag("short"), token)
                .ConfigureAwait(false);
        }

        var outputFolder = Path.Combine(options.Value("output") ?? paths.Output, "dictation");
        await using var reviewing = await ReviewingSession.StartAsync(paths, options.Flag("auto-approve"), token)
            .ConfigureAwait(false);
        var session = reviewing.Session;
        await output.WriteLineAsync($"Review page (sign as a provider): {reviewing.PageUrl}").ConfigureAwait(false);

        var store = session.Services.GetRequiredService<DocumentStore>();
        var files = Directory.EnumerateFiles(input)
            .Where(path => AudioExtensions.Contains(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var submitted = new List<(string Name, string InstanceId)>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var bytes = await File.ReadAllBytesAsync(path, token).ConfigureAwait(false);
            await store.Container(StorageNames.DictationInbox).GetBlobClient(name)
                .UploadAsync(new BinaryData(bytes), overwrite: true, token).ConfigureAwait(false);
            var id = DictationStarter.DictationIdFor(StorageNames.DictationInbox, name,
                Convert.ToHexStringLower(SHA256.HashData(bytes)));
            submitted.Add((name, DictationStarter.InstanceIdFor(id)));
        }

        await output.WriteLineAsync($"Submitted {submitted.Count} recordings from {input}").ConfigureAwait(false);
        var results = await WaitAsync(session.Runtime.Client, submitted, output, token).ConfigureAwait(false);
        await reviewing.StopAutoApproverAsync().ConfigureAwait(false);

        var labels = DictationSampleSet.ReadLabels(input).ToDictionary(label => label.FileName, StringComparer.Ordinal);
        WriteTable(output, results, labels);
        var copied = await CopyNotesAsync(store, results, outputFolder, token).ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote {copied} signed notes (FHIR DocumentReference + text) to {outputFolder}")
            .ConfigureAwait(false);
        await output.WriteLineAsync($"Audit trail: {paths.Audit} (./hipaa audit query --workflow Dictation)")
            .ConfigureAwait(false);
        return results.All(result => result.Result is not null) ? 0 : 1;
    }

    private static async Task<List<(string Name, DictationResult? Result, string Status)>> WaitAsync(
        DurableTaskClient client,
        List<(string Name, string InstanceId)> submitted,
        TextWriter output,
        CancellationToken token)
    {
        var pending = submitted.ToList();
        var done = new List<(string, DictationResult?, string)>();
        var clock = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            foreach (var item in pending.ToList())
            {
                var state = await client.GetInstanceAsync(item.InstanceId, getInputsAndOutputs: true, token)
                    .ConfigureAwait(false);
                if (state is null || !state.IsCompleted)
                {
                    continue;
                }

                var result = state.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? state.ReadOutputAs<DictationResult>()
                    : null;
                done.Add((item.Name, result, state.RuntimeStatus.ToString()));
                pending.Remove(item);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{done.Count}/{submitted.Count}] {clock.Elapsed.TotalSeconds,6:F1}s  {item.Name}: " +
                    $"{result?.Outcome.ToString() ?? state.RuntimeStatus.ToString()}")).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), token).ConfigureAwait(false);
        }

        return [.. done.OrderBy(item => item.Item1, StringComparer.Ordinal)];
    }

    private static void WriteTable(
        TextWriter output,
        List<(string Name, DictationResult? Result, string Status)> results,
        Dictionary<string, DictationSample> labels)
    {
        output.WriteLine();
        output.WriteLine($"{"Recording",-34} {"Length",8} {"Engine",-18} {"Words",5} {"Sent.",5} {"Outcome",-12} " +
            $"{"Reason / signed by",-28} {"Expected",-24}");
        output.WriteLine(new string('-', 140));
        foreach (var (name, result, status) in results)
        {
            var expected = labels.TryGetValue(name, out var label) ? label.Expected : "-";
            var outcome = result?.Outcome.ToString() ?? status;
            var detail = result is null ? "-" : result.Reason ?? result.SignedBy ?? "-";
            var engine = result?.TranscriptEngine is { } used ? used + (result.LowConfidence ? " (low)" : string.Empty)
                : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Fit(name, 34),-34} {result?.Duration.TotalSeconds ?? 0,7:F1}s {Fit(engine, 18),-18} " +
                $"{result?.Words ?? 0,5} {result?.NoteSentences ?? 0,5} {outcome,-12} {Fit(detail, 28),-28} " +
                $"{Fit(expected, 24),-24}"));
        }

        output.WriteLine();
    }

    private static async Task<int> CopyNotesAsync(
        DocumentStore store,
        List<(string Name, DictationResult? Result, string Status)> results,
        string folder,
        CancellationToken token)
    {
        Directory.CreateDirectory(folder);
        var copied = 0;
        foreach (var (name, result, _) in results)
        {
            if (result?.DocumentReferenceBlob is not { } reference || result.NoteTextBlob is not { } text)
            {
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(name);
            foreach (var (blob, suffix) in new[] { (reference, ".fhir.json"), (text, ".txt") })
            {
                var blobName = blob[(StorageNames.Outbox.Length + 1)..];
                await store.Container(StorageNames.Outbox).GetBlobClient(blobName)
                    .DownloadToAsync(Path.Combine(folder, stem + suffix), token).ConfigureAwait(false);
            }

            copied++;
        }

        return copied;
    }

    private static string Fit(string value, int width) => value.Length <= width ? value : value[..(width - 1)] + "~";
}
