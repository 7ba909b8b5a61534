using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using HipaaAi.Local.Hosting;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>Options of the billing command.</summary>
public sealed record BillingOptions(string? Input, string OutputFolder, bool AutoApprove);

/// <summary>A claim file the command put into the claims inbox, and how it ended.</summary>
public sealed record BillingFileRun(string Name, string InstanceId, BillingResult? Result, string RuntimeStatus,
    string? QuarantineDetail);

/// <summary>
/// Billing review on the embedded default: puts claim files (the generated samples by default, with their visit
/// notes seeded in the records store as records intake would write them) into the claims inbox, waits for each
/// file's orchestration (approvals on the review page, or <c>--auto-approve</c>), prints a findings table and writes
/// the results and each claim's findings summary to the output folder.
/// </summary>
public sealed class BillingCommand(LocalPaths paths, TextWriter output)
{
    private static readonly JsonSerializerOptions Indented = new(DocumentStore.Json) { WriteIndented = true };

    public async Task<int> RunAsync(BillingOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        await using var reviewing = await ReviewingSession.StartAsync(paths, options.AutoApprove, cancellationToken)
            .ConfigureAwait(false);
        var session = reviewing.Session;
        await output.WriteLineAsync($"Review page for billing findings: {reviewing.PageUrl}").ConfigureAwait(false);
        var store = session.Services.GetRequiredService<DocumentStore>();

        var files = options.Input is null ? WriteSamples() : InputFiles(options.Input);
        if (options.Input is null)
        {
            var seeded = await SeedSampleNotesAsync(store, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Seeded {seeded} generated visit notes in the records store")
                .ConfigureAwait(false);
        }

        var submitted = await SubmitAsync(store, files, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Submitted {submitted.Count} claim files to {StorageNames.ClaimsInbox}")
            .ConfigureAwait(false);
        var runs = await WaitForAllAsync(store, session.Runtime.Client, submitted, cancellationToken)
            .ConfigureAwait(false);

        BillingTable.Write(output, runs);
        await WriteOutputAsync(store, runs, options.OutputFolder, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote results.json and the findings summaries to {options.OutputFolder}")
            .ConfigureAwait(false);

        await reviewing.StopAutoApproverAsync().ConfigureAwait(false);
        return runs.Any(run => run.Result is null) ? 1 : 0;
    }

    /// <summary>Stores the generated visit notes as clinical-note records, the shape records intake writes.</summary>
    public static async Task<int> SeedSampleNotesAsync(DocumentStore store, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(store);

        var notes = ClaimSamples.Notes();
        for (var index = 0; index < notes.Count; index++)
        {
            var note = notes[index];
            var documentId = $"doc-generated-billing-note-{index + 1}";
            string Evidence(string label, string value) => $"{label}: {value}";
            var birth = note.Patient.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var visit = note.DateOfService.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var name = $"{note.Patient.FirstName} {note.Patient.LastName}";
            var record = new IntakeRecord($"{documentId}-01", documentId,
                new RecordSource("generated", $"billing-note-{index + 1}.txt", new string('0', 64)), 1, 1,
                DocumentType.ClinicalNote, 1.0, "generated", "generated",
                [
                    new ExtractedField(FieldNames.PatientName, name, 1, Evidence("Patient", name), true, null),
                    new ExtractedField(FieldNames.DateOfBirth, birth, 1, Evidence("DOB", birth), true, null),
                    new ExtractedField(FieldNames.MemberId, note.Patient.MemberId, 1,
                        Evidence("Member ID", note.Patient.MemberId), true, null),
                    new ExtractedField(FieldNames.DateOfService, visit, 1, Evidence("Date of service", visit), true,
                        null),
                ],
                note.Text, [], "records-clinical-notes", false, [], DateTimeOffset.UtcNow);
            await store.WriteJsonAsync(StorageNames.Records, $"{documentId}/01.json", record, null, token)
                .ConfigureAwait(false);
        }

        return notes.Count;
    }

    /// <summary>Uploads claim files to the claims inbox; the inbox watcher starts each file's orchestration.</summary>
    public static async Task<IReadOnlyList<(string Name, string InstanceId)>> SubmitAsync(
        DocumentStore store, IReadOnlyList<string> files, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);

        var submitted = new List<(string, string)>(files.Count);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var bytes = await File.ReadAllBytesAsync(path, token).ConfigureAwait(false);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            await store.Container(StorageNames.ClaimsInbox).GetBlobClient(name)
                .UploadAsync(new BinaryData(bytes), overwrite: true, token).ConfigureAwait(false);
            var fileId = BillingReviewStarter.FileIdFor(StorageNames.ClaimsInbox, name, sha);
            submitted.Add((name, BillingReviewStarter.InstanceIdFor(fileId)));
        }

        return submitted;
    }

    public async Task<IReadOnlyList<BillingFileRun>> WaitForAllAsync(
        DocumentStore store,
        DurableTaskClient client,
        IReadOnlyList<(string Name, string InstanceId)> files,
        CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(files);

        var pending = files.ToList();
        var runs = new List<BillingFileRun>(files.Count);
        var clock = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            foreach (var file in pending.ToList())
            {
                var state = await client.GetInstanceAsync(file.InstanceId, getInputsAndOutputs: true, token)
                    .ConfigureAwait(false);
                if (state is null || !state.IsCompleted)
                {
                    continue;
                }

                var result = state.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? state.ReadOutputAs<BillingResult>()
                    : null;
                var detail = result?.QuarantineBlob is { } blob
                    ? await QuarantineDetailAsync(store, blob, token).ConfigureAwait(false)
                    : null;
                runs.Add(new BillingFileRun(file.Name, file.InstanceId, result, state.RuntimeStatus.ToString(),
                    detail));
                pending.Remove(file);
                await output.WriteLineAsync(FormattableString.Invariant(
                    $"[{runs.Count}/{files.Count}] {clock.Elapsed.TotalSeconds,6:F1}s  {file.Name}: ") +
                    (result?.Outcome.ToString() ?? state.RuntimeStatus.ToString())).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), token).ConfigureAwait(false);
        }

        return [.. runs.OrderBy(run => run.Name, StringComparer.Ordinal)];
    }

    private static async Task<string?> QuarantineDetailAsync(DocumentStore store, string blob, CancellationToken token)
    {
        var separator = blob.IndexOf('/', StringComparison.Ordinal);
        var properties = await store.Container(blob[..separator]).GetBlobClient(blob[(separator + 1)..])
            .GetPropertiesAsync(cancellationToken: token).ConfigureAwait(false);
        return properties.Value.Metadata.TryGetValue("detail", out var detail) ? detail : null;
    }

    private static async Task WriteOutputAsync(DocumentStore store, IReadOnlyList<BillingFileRun> runs,
        string folder, CancellationToken token)
    {
        Directory.CreateDirectory(folder);
        foreach (var run in runs)
        {
            foreach (var claim in run.Result?.Claims ?? [])
            {
                var summaryName = claim.ReportBlob.Replace(".findings.json", ".findings.txt", StringComparison.Ordinal);
                var separator = summaryName.IndexOf('/', StringComparison.Ordinal);
                var text = await store.Container(summaryName[..separator]).GetBlobClient(summaryName[(separator + 1)..])
                    .DownloadContentAsync(token).ConfigureAwait(false);
                await File.WriteAllTextAsync(Path.Combine(folder, $"{run.Name}.claim-{claim.Index:D3}.txt"),
                    text.Value.Content.ToString(), token).ConfigureAwait(false);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "results.json"),
            JsonSerializer.Serialize(runs, Indented),
            token).ConfigureAwait(false);
    }

    private List<string> WriteSamples()
    {
        var folder = Path.Combine(paths.StateRoot, "claim-samples");
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var sample in ClaimSamples.Files())
        {
            var path = Path.Combine(folder, sample.Name);
            File.WriteAllText(path, sample.Content);
            files.Add(path);
        }

        return files;
    }

    private static List<string> InputFiles(string input) => File.Exists(input)
        ? [input]
        : [.. Directory.EnumerateFiles(input)
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .Order(StringComparer.Ordinal)];
}
