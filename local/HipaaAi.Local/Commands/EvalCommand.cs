using HipaaAi.Local.Hosting;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Runs a labeled folder through the real pipeline on the embedded default and scores classification and
/// extraction against the labels: labels.json when the folder has one, otherwise the folder names
/// (pa_form, doctor_notes, labs, imaging, policies, or a document type's name).
/// </summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(CommandLine options, LocalPaths paths, TextWriter output, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var input = options.Value("input") ?? SampleFolder.Ensure(paths.Samples, 7, includeBenchmarkFax: false);
        var corpus = options.Value("labels") is { } labelsPath
            ? LabeledCorpus.FromLabelsFile(labelsPath)
            : LabeledCorpus.Load(input);
        await output.WriteLineAsync($"Evaluating {corpus.Files.Count} labeled files from {corpus.Root}" +
            (corpus.Unlabeled.Count > 0 ? $" ({corpus.Unlabeled.Count} unlabeled files skipped)" : string.Empty))
            .ConfigureAwait(false);

        // Measuring needs no staff decisions: documents routed to review stay in the review queue, without a card.
        await using var session = await LocalSession.StartAsync(paths, token, NoReviewCards).ConfigureAwait(false);
        var store = session.Services.GetRequiredService<DocumentStore>();
        var submitted = await IntakeBatch.SubmitFilesAsync(store, corpus.Root,
            [.. corpus.Files.Select(file => file.File)], token).ConfigureAwait(false);
        var finished = await IntakeBatch.WaitForAllAsync(session.Runtime.Client, submitted, output, token)
            .ConfigureAwait(false);

        var predictions = new List<FilePrediction>(finished.Count);
        foreach (var item in finished)
        {
            predictions.Add(await PredictAsync(store, item, token).ConfigureAwait(false));
        }

        var report = EvalReport.Compute(corpus.Files, predictions);
        await output.WriteLineAsync(report.ToTable()).ConfigureAwait(false);
        return 0;
    }

    private static async Task<FilePrediction> PredictAsync(DocumentStore store, FinishedFile item, CancellationToken token)
    {
        var result = item.Result;
        if (result is null)
        {
            return new FilePrediction(item.File.Name, ExpectedOutcome.NeedsReview, PreflightVerdict.Accepted, []);
        }

        var verdict = Enum.TryParse<PreflightVerdict>(result.QuarantineReason, out var parsed)
            ? parsed
            : PreflightVerdict.Accepted;
        var outcome = result.Outcome switch
        {
            IntakeOutcome.Completed => ExpectedOutcome.Completed,
            IntakeOutcome.Quarantined => ExpectedOutcome.Quarantined,
            _ => ExpectedOutcome.NeedsReview,
        };

        var documents = new List<PredictedDocument>(result.Documents.Count);
        foreach (var document in result.Documents)
        {
            var name = document.RecordBlob[(StorageNames.Records.Length + 1)..];
            var record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, name, token).ConfigureAwait(false);
            var fields = record.Fields
                .GroupBy(field => field.Name, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => (IReadOnlyList<string>)[.. group.Select(f => f.Value)],
                    StringComparer.Ordinal);
            documents.Add(new PredictedDocument(document.Type, fields));
        }

        return new FilePrediction(item.File.Name, outcome, verdict, documents);
    }

    private static readonly Dictionary<string, string?> NoReviewCards = new() { ["Intake:Review:Enabled"] = "false" };
}
