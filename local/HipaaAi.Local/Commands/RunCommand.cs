using HipaaAi.Local.Hosting;
using HipaaAi.Local.Inbox;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>Options of the main command.</summary>
public sealed record RunOptions(
    string? InputFolder,
    string OutputFolder,
    bool Watch,
    bool IncludeLargeFax,
    int Seed,
    bool AutoApprove = false);

/// <summary>
/// The main command: starts the emulator and the local host, submits a folder of documents (the generated sample
/// set by default) to the inboxes, shows progress, prints the results and writes the records to the output folder.
/// Files dropped into the local inbox folder meanwhile are processed too.
/// </summary>
public sealed class RunCommand(LocalPaths paths, TextWriter output)
{
    public async Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        await using var reviewing = await ReviewingSession.StartAsync(paths, options.AutoApprove, cancellationToken)
            .ConfigureAwait(false);
        var session = reviewing.Session;
        await output.WriteLineAsync($"Review page for approvals: {reviewing.PageUrl}").ConfigureAwait(false);
        var store = session.Services.GetRequiredService<DocumentStore>();
        var client = session.Runtime.Client;

        var input = options.InputFolder ?? SampleFolder.Ensure(paths.Samples, options.Seed, options.IncludeLargeFax);
        await output.WriteLineAsync($"Inbox folder for more files while this runs: {paths.Inbox}/{{fax,scan}}")
            .ConfigureAwait(false);

        var submitted = await IntakeBatch.SubmitFolderAsync(store, input, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Submitted {submitted.Count} files from {input}").ConfigureAwait(false);

        // With the auto-approver deciding, the run waits for the decisions; otherwise they wait on the review page.
        var finished = await IntakeBatch.WaitForAllAsync(client, submitted, output, cancellationToken,
            waitForReviews: options.AutoApprove).ConfigureAwait(false);
        var rows = await ResultRows.BuildAsync(store, finished, cancellationToken).ConfigureAwait(false);
        ResultsTable.Write(output, rows);

        var written = await RecordExport.WriteAsync(store, finished, options.OutputFolder, cancellationToken)
            .ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote {written} records and results.json to {options.OutputFolder}")
            .ConfigureAwait(false);
        await output.WriteLineAsync($"Audit trail: {paths.Audit} (./hipaa audit verify)").ConfigureAwait(false);

        if (options.Watch)
        {
            await output.WriteLineAsync("Watching the inbox folder; Ctrl+C stops.").ConfigureAwait(false);
            // Files still waiting for review are reported again once staff decide on the review page.
            var seen = finished.Where(item => item.RuntimeStatus != nameof(OrchestrationRuntimeStatus.Running))
                .Select(item => item.File.InstanceId);
            await WatchAsync(store, client, options.OutputFolder, seen, cancellationToken).ConfigureAwait(false);
        }

        await reviewing.StopAutoApproverAsync().ConfigureAwait(false);
        return finished.Any(item => item.Result is null) ? 1 : 0;
    }

    private async Task WatchAsync(
        DocumentStore store,
        DurableTaskClient client,
        string outputFolder,
        IEnumerable<string> alreadyReported,
        CancellationToken token)
    {
        var reported = new HashSet<string>(alreadyReported, StringComparer.Ordinal);
        try
        {
            while (!token.IsCancellationRequested)
            {
                var query = new OrchestrationQuery
                {
                    CreatedFrom = DateTimeOffset.UtcNow.AddHours(-1),
                    FetchInputsAndOutputs = true,
                    InstanceIdPrefix = RecordsIntakeStarter.InstanceIdPrefix,
                };
                await foreach (var state in client.GetAllInstancesAsync(query).WithCancellation(token)
                    .ConfigureAwait(false))
                {
                    if (!state.IsCompleted || state.Name != RecordsIntakeOrchestrator.Name
                        || !reported.Add(state.InstanceId))
                    {
                        continue;
                    }

                    var result = state.ReadOutputAs<IntakeResult>();
                    var file = new SubmittedFile(state.InstanceId, "-", result?.DocumentId ?? "-", state.InstanceId);
                    var finished = new FinishedFile(file, result, state.RuntimeStatus.ToString());
                    var rows = await ResultRows.BuildAsync(store, [finished], token).ConfigureAwait(false);
                    ResultsTable.Write(output, rows);
                    await RecordExport.WriteAsync(store, [finished], outputFolder, token).ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the session shuts the host and the emulator down.
        }
    }
}

/// <summary>A file the command put into an inbox, and the instance its content maps to.</summary>
public sealed record SubmittedFile(string Name, string Inbox, string DocumentId, string InstanceId);

/// <summary>How a submitted file ended: its result, or only the runtime status when the orchestration failed.</summary>
public sealed record FinishedFile(SubmittedFile File, IntakeResult? Result, string RuntimeStatus);
