using HipaaAi.Local.Commands;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.Approvals.Activities;
using HipaaAi.Shared.Approvals;
using Microsoft.Extensions.Logging.Abstractions;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.DependencyInjection;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Integration.Tests.RecordsIntake;

/// <summary>
/// The generated sample set through the whole embedded default: emulator, durable runtime, inbox watcher, Tesseract,
/// PdfPig and the trained classifier. Each file must end the way its label says.
/// </summary>
public sealed class SampleSetEndToEndTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly SemaphoreSlim RunOnce = new(1, 1);
    private static (SampleLabels Labels, IReadOnlyList<FinishedFile> Finished)? _run;

    [Fact]
    public async Task SampleSet_BrokenFiles_AreQuarantinedWithTheirExactVerdict()
    {
        // Arrange
        var (labels, finished) = await RunSampleSetAsync();

        // Act
        var broken = labels.Files.Where(file => file.Outcome == ExpectedOutcome.Quarantined).ToList();

        // Assert
        Assert.NotEmpty(broken);
        Assert.All(broken, label =>
        {
            var result = ResultOf(finished, label.File);
            Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
            Assert.Equal(label.Verdict.ToString(), result.QuarantineReason);
            Assert.StartsWith($"{StorageNames.Quarantine}/", result.QuarantineBlob, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SampleSet_ReadableFiles_AreRoutedWithTheLabeledDocumentTypes()
    {
        // Arrange
        var (labels, finished) = await RunSampleSetAsync();

        // Act
        var readable = labels.Files.Where(file => file.Outcome == ExpectedOutcome.Completed).ToList();

        // Assert
        Assert.NotEmpty(readable);
        Assert.All(readable, label =>
        {
            var result = ResultOf(finished, label.File);
            Assert.Contains(result.Outcome, new[] { IntakeOutcome.Completed, IntakeOutcome.NeedsReview });
            Assert.Equal(label.PageCount, result.PageCount);
            Assert.Equal(label.Documents.Select(document => document.Type), result.Documents.Select(d => d.Type));
        });
    }

    [Fact]
    public async Task SampleSet_JunkFax_GoesToReviewInsteadOfAStaffQueue()
    {
        // Arrange
        var (labels, finished) = await RunSampleSetAsync();

        // Act
        var junk = labels.Files.Single(file => file.Kind == SampleKind.JunkFax);
        var result = ResultOf(finished, junk.File);

        // Assert
        Assert.Equal(IntakeOutcome.NeedsReview, result.Outcome);
        Assert.All(result.Documents, document => Assert.True(document.IsReview));
    }

    [Fact]
    public async Task SampleSet_AfterTheRun_InboxesAreEmptyAndEveryOriginalIsArchivedOrQuarantined()
    {
        // Arrange
        var (labels, finished) = await RunSampleSetAsync();

        // Act
        var leftInInboxes = new List<string>();
        foreach (var inbox in StorageNames.RecordsInboxes)
        {
            await foreach (var blob in host.Store.Container(inbox).GetBlobsAsync())
            {
                leftInInboxes.Add(blob.Name);
            }
        }

        // Assert
        Assert.DoesNotContain(leftInInboxes, name => labels.Files.Any(file => file.File == name));
        foreach (var item in finished)
        {
            var result = item.Result!;
            var kept = result.Outcome == IntakeOutcome.Quarantined
                ? result.QuarantineBlob!
                : $"{StorageNames.Records}/{item.File.DocumentId}/source{Path.GetExtension(item.File.Name)}";
            var separator = kept.IndexOf('/', StringComparison.Ordinal);
            Assert.True(await host.Store.ExistsAsync(kept[..separator], kept[(separator + 1)..], default), kept);
        }
    }

    [Fact]
    public async Task SampleSet_AuditTrail_RecordsEveryCatalogActivityAndItsChainVerifies()
    {
        // Arrange
        var (_, finished) = await RunSampleSetAsync();
        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var instances = finished.Select(item => item.File.InstanceId).ToHashSet(StringComparer.Ordinal);

        // Act
        var all = (await reader.QueryAsync(new AuditQuery(Workflow.RecordsIntake), default))
            .Select(record => record.Event)
            .ToList();
        var events = all.Where(auditEvent => instances.Contains(auditEvent.InstanceId)).ToList();
        var reviews = all
            .Where(auditEvent => instances.Any(instance => auditEvent.InstanceId.StartsWith(instance + "-review-",
                StringComparison.Ordinal)))
            .ToList();
        var verification = await reader.VerifyAsync(Workflow.RecordsIntake, default);

        // Assert
        Assert.True(verification.IsIntact);
        var audited = events.Where(e => e.Action == AuditActions.ActivityCompleted).Select(e => e.Activity).ToHashSet();
        var intakeActivities = WorkflowCatalog.Activities
            .Where(activity => activity.ActivityType.Namespace!.StartsWith(typeof(RecordsIntakeOrchestrator).Namespace!,
                StringComparison.Ordinal))
            .ToList();
        Assert.Equal(12, intakeActivities.Count);
        Assert.All(intakeActivities, activity => Assert.Contains(activity.Name, audited));
        Assert.All(events, auditEvent =>
        {
            Assert.Equal("hipaaai-local", auditEvent.Actor);
            Assert.StartsWith("doc-", auditEvent.Subject, StringComparison.Ordinal);
            Assert.Equal("records-intake", auditEvent.RetentionClass);
        });
        Assert.Equal(finished.Count, events.Count(e => e.Action == AuditActions.OrchestrationStarted));

        // The review of each document is audited under its approval instance: the card, its closing, the decision.
        var reviewed = finished.Sum(item => item.Result!.Documents.Count(document => document.IsReview));
        Assert.Equal(reviewed, reviews.Count(e => e.Activity == nameof(PostApprovalCardActivity)
            && e.Action == AuditActions.ActivityCompleted));
        Assert.Equal(reviewed, reviews.Count(e => e.Action == ApprovalAuditActions.Decided
            && e.Actor == AutoApprover.Actor));
    }

    private static IntakeResult ResultOf(IReadOnlyList<FinishedFile> finished, string file)
    {
        var item = finished.Single(entry => entry.File.Name == file);
        Assert.Equal("Completed", item.RuntimeStatus);
        return item.Result!;
    }

    private async Task<(SampleLabels Labels, IReadOnlyList<FinishedFile> Finished)> RunSampleSetAsync()
    {
        await RunOnce.WaitAsync();
        try
        {
            if (_run is { } done)
            {
                return done;
            }

            var folder = Path.Combine(host.Paths.StateRoot, "samples");
            var labels = SampleFolder.Generate(folder, seed: 11, includeBenchmarkFax: false);
            // Documents routed to review are decided by the local auto-approver, so every file runs to its end.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            using var stopApprover = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var approver = new AutoApprover(host.Session.Services, NullLogger<AutoApprover>.Instance)
                .RunAsync(stopApprover.Token);
            var submitted = await IntakeBatch.SubmitFolderAsync(host.Store, folder, default);
            var finished = await IntakeBatch.WaitForAllAsync(host.Session.Runtime.Client, submitted, TextWriter.Null,
                timeout.Token, waitForReviews: true);
            await stopApprover.CancelAsync();
            await approver;
            _run = (labels, finished);
            return _run.Value;
        }
        finally
        {
            RunOnce.Release();
        }
    }
}
