using System.Globalization;
using System.Text.Json;
using HipaaAi.Local.Hosting;
using HipaaAi.Local.PriorAuthorization;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.PriorAuthorization;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>
/// <c>prior-auth --input DIR [--auto-approve]</c>: runs every case folder under DIR through the prior-authorization
/// workflow on the embedded default (a request message on the queue, the same starter, orchestrator and activities
/// as in Azure) and reports per case the packet's readiness against the recorded decision, and the criteria found.
/// Without <c>--auto-approve</c> each case stops at the staff approval (the review page shows it); with it, the
/// packet is approved, submitted to the outbox and monitored until the local payer portal's answer or the timeout.
/// </summary>
public static class PriorAuthCommand
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ApprovalWait = TimeSpan.FromSeconds(8);

    private static readonly JsonSerializerOptions IndentedJson = new(DocumentStore.Json) { WriteIndented = true };

    public static async Task<int> RunAsync(CommandLine options, LocalPaths paths, TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var input = options.Value("input");
        if (input is null || !Directory.Exists(input))
        {
            await output.WriteLineAsync("usage: prior-auth --input DIR [--auto-approve] [--output DIR]")
                .ConfigureAwait(false);
            return 2;
        }

        var cases = PriorAuthCaseFolder.Discover(input);
        if (cases.Count == 0)
        {
            await output.WriteLineAsync($"No case folders (with a pa_form folder or request.json) under {input}")
                .ConfigureAwait(false);
            return 2;
        }

        var outputFolder = Path.Combine(options.Value("output") ?? paths.Output, "prior-auth");
        var settings = new Dictionary<string, string?>();
        // Local monitoring is quick so a run ends: the local portal has no payer behind it, so cases stay pending.
        settings["PriorAuth:PollIntervalSeconds"] = "2";
        settings["PriorAuth:EscalateAfterSeconds"] = "4";
        settings["PriorAuth:GiveUpAfterSeconds"] = "8";
        settings["PriorAuth:FirstRetryDelaySeconds"] = "1";
        var autoApprove = options.Flag("auto-approve");
        await using var reviewing = await ReviewingSession.StartAsync(paths, autoApprove, cancellationToken, settings)
            .ConfigureAwait(false);
        var session = reviewing.Session;
        await output.WriteLineAsync($"Review page for approvals: {reviewing.PageUrl}").ConfigureAwait(false);

        var store = session.Services.GetRequiredService<DocumentStore>();
        var catalog = session.Services.GetRequiredService<PayerCriteriaCatalog>();
        var clients = session.Services.GetRequiredService<StorageClients>();
        var queue = clients.Queues.GetQueueClient(PriorAuthQueues.Requests);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var runId = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var started = new List<(PriorAuthCaseFolder Folder, string InstanceId, string CaseId)>();
        foreach (var folder in cases)
        {
            var references = new List<string>();
            foreach (var file in folder.Files)
            {
                var name = $"prior-auth-uploads/{folder.Name}/{Path.GetRelativePath(folder.Path, file).Replace('\\', '/')}";
                await store.Container(StorageNames.Work).GetBlobClient(name)
                    .UploadAsync(file, overwrite: true, cancellationToken).ConfigureAwait(false);
                references.Add($"{StorageNames.Work}/{name}");
            }

            var message = folder.BuildRequest(catalog, references, today, runId);
            var body = JsonSerializer.Serialize(message, DocumentStore.Json);
            await queue.SendMessageAsync(body, cancellationToken).ConfigureAwait(false);
            var caseId = PriorAuthStarter.CaseIdFor(body);
            started.Add((folder, PriorAuthStarter.InstanceIdFor(caseId), caseId));
            await output.WriteLineAsync(
                $"Queued {folder.Name}: {message.Payer} / {message.Service}, {references.Count} documents")
                .ConfigureAwait(false);
        }

        var rows = new List<CaseRow>();
        foreach (var (folder, instanceId, caseId) in started)
        {
            var state = await WaitAsync(session.Runtime.Client, instanceId, autoApprove, cancellationToken)
                .ConfigureAwait(false);
            rows.Add(await ReportAsync(store, folder, caseId, state, outputFolder, output, cancellationToken)
                .ConfigureAwait(false));
        }

        await WriteSummaryAsync(rows, outputFolder, output).ConfigureAwait(false);
        await reviewing.StopAutoApproverAsync().ConfigureAwait(false);
        return rows.All(row => row.Readiness is not null) ? 0 : 1;
    }

    /// <summary>
    /// Waits for the case to finish or, without auto-approval, to reach the staff approval, where it is left for a
    /// person. Polls the instance itself: the runtime's own wait polls only every 2 seconds.
    /// </summary>
    private static async Task<OrchestrationMetadata?> WaitAsync(DurableTaskClient client, string instanceId,
        bool autoApprove, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + CaseTimeout;
        DateTime? awaitingSince = null;
        while (DateTime.UtcNow < deadline)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                .ConfigureAwait(false);
            var awaiting = state?.SerializedCustomStatus?.Contains("AwaitingApproval", StringComparison.Ordinal) == true;
            awaitingSince = awaiting ? awaitingSince ?? DateTime.UtcNow : null;

            // With auto-approval the case goes on to submission; if the approval never starts (see docs/prior-auth.md,
            // local runtime limits) the packet's readiness is still reported after a bounded wait.
            var leaveWithStaff = awaitingSince is { } since && (!autoApprove || DateTime.UtcNow - since > ApprovalWait);
            if (state is not null && (state.IsCompleted || leaveWithStaff))
            {
                return state;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private sealed record CaseRow(
        string Case,
        string? Readiness,
        string Outcome,
        string? Expected,
        string? ExpectedSource,
        string? Criteria,
        IReadOnlyList<string> CriteriaStatus,
        IReadOnlyList<string> Exceptions)
    {
        public bool? Agrees => Readiness is null || Expected is null
            ? null
            : (Readiness == "criteria met") == (Expected == "approved");
    }

    private static async Task<CaseRow> ReportAsync(DocumentStore store, PriorAuthCaseFolder folder, string caseId,
        OrchestrationMetadata? state, string outputFolder, TextWriter output, CancellationToken cancellationToken)
    {
        var expected = folder.Expected();
        var outcome = state is null
            ? "still running"
            : state.IsCompleted
                ? state.ReadOutputAs<PriorAuthResult>()?.Outcome.ToString() ?? state.RuntimeStatus.ToString()
                : "awaiting staff approval";

        PacketSummary? summary = null;
        if (await store.ExistsAsync(StorageNames.Records, CaseBlobs.Summary(caseId), cancellationToken)
            .ConfigureAwait(false))
        {
            summary = await store.ReadJsonAsync<PacketSummary>(StorageNames.Records, CaseBlobs.Summary(caseId),
                cancellationToken).ConfigureAwait(false);
            var caseFolder = Path.Combine(outputFolder, folder.Name);
            Directory.CreateDirectory(caseFolder);
            await store.Container(StorageNames.Records).GetBlobClient(CaseBlobs.Packet(caseId))
                .DownloadToAsync(Path.Combine(caseFolder, "packet.pdf"), cancellationToken).ConfigureAwait(false);
            await store.Container(StorageNames.Records).GetBlobClient(CaseBlobs.Summary(caseId))
                .DownloadToAsync(Path.Combine(caseFolder, "summary.json"), cancellationToken).ConfigureAwait(false);
        }

        var criteria = summary?.Assessment.Evidence
            .Select(item => item.Status == CriterionStatus.Met
                ? $"{item.CriterionId}: met ({string.Join(", ", item.Citations.Take(2).Select(citation =>
                    $"{PacketPdfBuilder.Describe(citation.DocumentType)} p.{citation.Page}"))})"
                : $"{item.CriterionId}: not found")
            .ToList() ?? [];
        var row = new CaseRow(folder.Name, summary?.Readiness, outcome, expected?.Decision, expected?.Source,
            summary?.Assessment.CriteriaKey, criteria,
            summary?.Assessment.Exceptions.Select(issue => issue.ToString()).ToList() ?? []);

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{row.Case}: {row.Readiness ?? "no packet"} | outcome {row.Outcome} | recorded {row.Expected ?? "-"} " +
            $"({row.ExpectedSource ?? "none"}) | {(row.Agrees is null ? "-" : row.Agrees.Value ? "agrees" : "DISAGREES")}"))
            .ConfigureAwait(false);
        await output.WriteLineAsync($"  criteria: {row.Criteria ?? "none configured"}").ConfigureAwait(false);
        foreach (var line in row.CriteriaStatus)
        {
            await output.WriteLineAsync($"    {line}").ConfigureAwait(false);
        }

        foreach (var issue in row.Exceptions)
        {
            await output.WriteLineAsync($"    exception {issue}").ConfigureAwait(false);
        }

        return row;
    }

    private static async Task WriteSummaryAsync(IReadOnlyList<CaseRow> rows, string outputFolder, TextWriter output)
    {
        var judged = rows.Where(row => row.Agrees is not null).ToList();
        var agreeing = judged.Count(row => row.Agrees == true);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Readiness agrees with the recorded decision in {agreeing} of {judged.Count} cases " +
            $"({rows.Count} cases run)")).ConfigureAwait(false);

        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, "results.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(rows, IndentedJson)).ConfigureAwait(false);
        await output.WriteLineAsync($"Packets, summaries and results.json in {outputFolder}").ConfigureAwait(false);
    }
}
