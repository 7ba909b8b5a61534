using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HipaaAi.Integration.Tests.Phi;
using HipaaAi.Local.Commands;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Integration.Tests.BillingReview;

/// <summary>
/// Billing review through the embedded default: claim files dropped into the claims inbox (the local watcher starts
/// them as Event Grid would), claims sent as queue messages, staff decisions through the approval mechanism (the
/// auto-approver, which decides through the same decision service as the review page), and the canary PHI scan.
/// </summary>
public sealed class BillingReviewEndToEndTests(LogCapturingFixture host) : IClassFixture<LogCapturingFixture>
{
    [Fact]
    public async Task CleanAndMalformedFiles_CleanIsReleasedStraightThrough_MalformedIsQuarantinedWithItsReason()
    {
        // Arrange
        await BillingCommand.SeedSampleNotesAsync(host.Store, default);
        var run = Guid.NewGuid().ToString("N")[..8];
        var files = WriteFiles(run, ClaimSamples.Files()
            .Where(file => file.Name is "office-visit-clean.837" or "office-visit.json" or "truncated.837"));

        // Act
        var runs = await SubmitAndWaitAsync(files);

        // Assert
        foreach (var name in new[] { $"{run}-office-visit-clean.837", $"{run}-office-visit.json" })
        {
            var clean = Single(runs, name);
            Assert.Equal(ClaimFileOutcome.Completed, clean.Outcome);
            var claim = Assert.Single(clean.Claims);
            Assert.False(claim.StaffReviewed);
            Assert.Equal(ClaimOutcome.Released, claim.Outcome);
            Assert.True(await ExistsAsync(claim.OutboxBlob!));
            Assert.Contains("DOC-EM-ELEMENTS", await DownloadAsync(claim.ReportBlob), StringComparison.Ordinal);
        }

        var malformed = Single(runs, $"{run}-truncated.837");
        Assert.Equal(ClaimFileOutcome.Quarantined, malformed.Outcome);
        Assert.Equal(BillingReasons.MalformedClaimFile, malformed.QuarantineReason);
        var quarantined = await PropertiesAsync(malformed.QuarantineBlob!);
        Assert.Equal(BillingReasons.MalformedClaimFile, quarantined["reason"]);
        Assert.Contains("segment", quarantined["detail"], StringComparison.Ordinal);
        Assert.Contains("(CLM)", quarantined["detail"], StringComparison.Ordinal);
        Assert.False(await ExistsAsync($"{StorageNames.ClaimsInbox}/{run}-truncated.837"));
        Assert.Contains(AuditEvents(), line => line.Contains(nameof(QuarantineActivity), StringComparison.Ordinal)
            && line.Contains(BillingReasons.MalformedClaimFile, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileWithFindings_GoesToBillingStaff_ApprovedClaimsAreReleasedWithTheirFindingsReported()
    {
        // Arrange
        await BillingCommand.SeedSampleNotesAsync(host.Store, default);
        var run = Guid.NewGuid().ToString("N")[..8];
        var files = WriteFiles(run, ClaimSamples.Files().Where(file => file.Name is "knee-and-ecg.837"));

        // Act
        var flagged = Assert.Single(await SubmitAndWaitAsync(files, autoApprove: true)).Result!;

        // Assert
        Assert.Equal(2, flagged.Claims.Count);
        Assert.All(flagged.Claims, claim =>
        {
            Assert.True(claim.StaffReviewed);
            Assert.Equal(nameof(Shared.Approvals.ApprovalDecision.Approve), claim.Decision);
            Assert.Equal(ClaimOutcome.Released, claim.Outcome);
        });
        Assert.Contains(BillingRules.Modifier25Missing, flagged.Claims[0].FindingsByRule.Keys);
        Assert.Contains(BillingRules.DocumentationLaterality, flagged.Claims[0].FindingsByRule.Keys);
        Assert.Contains(BillingRules.PtpNotBypassable, flagged.Claims[1].FindingsByRule.Keys);
        var report = await DownloadAsync(flagged.Claims[0].ReportBlob);
        Assert.Contains("left knee", report, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task QueueMessages_NotAClaimIsRejectedAuditedAndConsumed_AClaimIsReviewed()
    {
        // Arrange: with its visit note in the records store the JSON claim is clean, so no approval is involved.
        await BillingCommand.SeedSampleNotesAsync(host.Store, default);
        var queue = new QueueClient("UseDevelopmentStorage=true", BillingQueues.Claims,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        var claim = ClaimSamples.Files().Single(file => file.Name == "office-visit.json").Content
            .Replace("SMPJSON01", "SMPQ" + Guid.NewGuid().ToString("N")[..8], StringComparison.Ordinal);

        // Act
        await queue.SendMessageAsync("please bill the usual for yesterday");
        await queue.SendMessageAsync(claim);
        await WaitUntilAsync(async () =>
            (await queue.PeekMessagesAsync(1)).Value.Length == 0
            && AuditEvents().Any(line => line.Contains(BillingReviewStarter.RejectedAction, StringComparison.Ordinal)));
        var started = await WaitForStartedInstanceAsync(claim);

        // Assert
        Assert.Contains(AuditEvents(), line => line.Contains(MessageRejections.NotAClaim, StringComparison.Ordinal)
            && line.Contains(AuditOutcomes.Refused, StringComparison.Ordinal));
        Assert.Equal(ClaimFileOutcome.Completed, started.Outcome);
        Assert.Equal(ParseClaimsActivity.FormatJson, started.Format);
        var poison = new QueueClient("UseDevelopmentStorage=true", BillingQueues.Claims + "-poison");
        Assert.False((await poison.ExistsAsync()).Value && (await poison.PeekMessagesAsync(1)).Value.Length > 0);
    }

    [Fact]
    public async Task CanaryCleanClaim_ThroughTheWorkflow_LeavesNoPhiInLogsAuditHistoryQueuesOrWork()
    {
        // Arrange: the clean visit with the canary's name and date of birth (the member id still finds the note).
        await BillingCommand.SeedSampleNotesAsync(host.Store, default);
        var canary = ClaimSamples.Files().Single(file => file.Name == "office-visit-clean.837").Content
            .Replace(ClaimSamples.Ortiz.LastName, PhiCanary.FamilyName.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(ClaimSamples.Ortiz.FirstName, PhiCanary.GivenName.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(ClaimSamples.Ortiz.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                PhiCanary.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var files = WriteFiles(Guid.NewGuid().ToString("N")[..8], [new SampleClaimFile("canary.837", canary, "")]);

        // Act
        var result = Assert.Single(await SubmitAndWaitAsync(files)).Result!;

        // Assert
        Assert.Equal(ClaimOutcome.Released, Assert.Single(result.Claims).Outcome);
        var hits = new List<CanaryHit>();
        hits.AddRange(CanaryScanner.ScanText(string.Join('\n', host.Lines), "logs"));
        hits.AddRange(CanaryScanner.ScanFolder(host.Paths.Audit));
        hits.AddRange(await ScanTableAsync(host.TaskHub + "Instances"));
        hits.AddRange(await ScanTableAsync(host.TaskHub + "History"));
        hits.AddRange(await ScanQueuesAsync());
        hits.AddRange(await ScanBlobsAsync(StorageNames.Work, result.FileId));
        Assert.Empty(hits.Select(hit => $"{hit.Field} in {hit.Location} line {hit.Line}"));

        var outbox = await ScanBlobsAsync(StorageNames.Outbox, $"claims/{result.FileId}/");
        Assert.Contains(outbox, hit => hit.Field == CanaryField.Name);
        Assert.Contains(outbox, hit => hit.Field == CanaryField.DateOfBirth);
    }

    [Fact]
    public async Task CanaryClaim_ThroughReviewAndApproval_LeavesNoPhiInLogsAuditCardsHistoryOrQueues()
    {
        // Arrange
        var birth = PhiCanary.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var canary = ClaimSamples.Files().Single(file => file.Name == "knee-and-ecg.837").Content
            .Replace(ClaimSamples.Ortiz.LastName, PhiCanary.FamilyName.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(ClaimSamples.Ortiz.FirstName, PhiCanary.GivenName.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(ClaimSamples.Ortiz.MemberId, PhiCanary.MemberId, StringComparison.Ordinal)
            .Replace(ClaimSamples.Ortiz.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture), birth,
                StringComparison.Ordinal);
        var files = WriteFiles(Guid.NewGuid().ToString("N")[..8], [new SampleClaimFile("canary.837", canary, "")]);

        // Act
        var result = Assert.Single(await SubmitAndWaitAsync(files, autoApprove: true)).Result!;

        // Assert
        Assert.All(result.Claims, claim => Assert.True(claim.StaffReviewed));
        var hits = new List<CanaryHit>();
        hits.AddRange(CanaryScanner.ScanText(string.Join('\n', host.Lines), "logs"));
        hits.AddRange(CanaryScanner.ScanFolder(host.Paths.Audit));
        hits.AddRange(await ScanTableAsync("approvals"));
        hits.AddRange(await ScanTableAsync(host.TaskHub + "Instances"));
        hits.AddRange(await ScanTableAsync(host.TaskHub + "History"));
        hits.AddRange(await ScanQueuesAsync());
        hits.AddRange(await ScanBlobsAsync(StorageNames.Work, result.FileId));
        Assert.Empty(hits.Select(hit => $"{hit.Field} in {hit.Location} line {hit.Line}"));

        var outbox = await ScanBlobsAsync(StorageNames.Outbox, $"claims/{result.FileId}/");
        Assert.Contains(outbox, hit => hit.Field == CanaryField.MemberId);
        Assert.Contains(outbox, hit => hit.Field == CanaryField.Name);
    }

    private string[] WriteFiles(string run, IEnumerable<SampleClaimFile> samples)
    {
        var folder = Path.Combine(host.Paths.StateRoot, "claims-" + run);
        Directory.CreateDirectory(folder);
        return [.. samples.Select(sample =>
        {
            var path = Path.Combine(folder, $"{run}-{sample.Name}");
            File.WriteAllText(path, sample.Content);
            return path;
        })];
    }

    /// <summary>
    /// Submits the files and waits for their results; with <paramref name="autoApprove"/> the auto-approver decides
    /// every card through the decision service (which needs <c>Approvals:LinkSigningKey</c>, as the commands set).
    /// </summary>
    private async Task<IReadOnlyList<BillingFileRun>> SubmitAndWaitAsync(IReadOnlyList<string> files,
        bool autoApprove = false)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var approver = autoApprove
            ? new AutoApprover(host.Session.Services,
                host.Session.Services.GetRequiredService<ILogger<AutoApprover>>()).RunAsync(stop.Token)
            : Task.CompletedTask;
        var submitted = await BillingCommand.SubmitAsync(host.Store, files, stop.Token);
        IReadOnlyList<BillingFileRun> runs;
        try
        {
            runs = await new BillingCommand(host.Paths, TextWriter.Null)
                .WaitForAllAsync(host.Store, host.Session.Runtime.Client, submitted, stop.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("Billing review did not finish; instances: " + await DescribeInstancesAsync());
        }

        await stop.CancelAsync();
        await approver;
        Assert.All(runs, run => Assert.NotNull(run.Result));
        return runs;
    }

    private async Task<string> DescribeInstancesAsync()
    {
        var text = new StringBuilder();
        var query = new Microsoft.DurableTask.Client.OrchestrationQuery { FetchInputsAndOutputs = false };
        await foreach (var state in host.Session.Runtime.Client.GetAllInstancesAsync(query))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n{state.InstanceId} {state.Name} {state.RuntimeStatus} {state.FailureDetails?.ErrorType}");
            if (state.RuntimeStatus != Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running)
            {
                continue;
            }

            var history = new TableClient("UseDevelopmentStorage=true", host.TaskHub + "History");
            await foreach (var row in history.QueryAsync<TableEntity>(row => row.PartitionKey == state.InstanceId))
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"\n   {row.GetString("EventType")} {row.GetString("Name")} {row.GetString("InstanceId")}");
            }
        }

        foreach (var line in host.Lines.Where(line => line.Contains("xception", StringComparison.Ordinal)
            || line.StartsWith("Error", StringComparison.Ordinal)).Take(10))
        {
            text.Append("\n   log: ").Append(line.Length > 400 ? line[..400] : line);
        }

        return text.ToString();
    }

    private async Task<BillingResult> WaitForStartedInstanceAsync(string claimJson)
    {
        var name = $"{BillingReviewStarter.MessagePrefix}";
        var client = host.Session.Runtime.Client;
        BillingResult? found = null;
        await WaitUntilAsync(async () =>
        {
            var query = new Microsoft.DurableTask.Client.OrchestrationQuery { FetchInputsAndOutputs = true };
            await foreach (var state in client.GetAllInstancesAsync(query))
            {
                // The fixture's task hub holds other workflows' instances (and approvals) too.
                if (state.Name != BillingReviewOrchestrator.Name)
                {
                    continue;
                }

                var request = state.ReadInputAs<BillingRequest>();
                if (state.IsCompleted && request?.Source.Name.StartsWith(name, StringComparison.Ordinal) == true
                    && request.Source.Sha256 == Sha256(claimJson))
                {
                    found = state.ReadOutputAs<BillingResult>();
                    return true;
                }
            }

            return false;
        });
        return found!;
    }

    private IReadOnlyList<string> AuditEvents() =>
        [.. Directory.EnumerateFiles(host.Paths.Audit, "*.jsonl", SearchOption.AllDirectories)
            .SelectMany(File.ReadAllLines)];

    private static BillingResult Single(IReadOnlyList<BillingFileRun> runs, string name) =>
        Assert.Single(runs, run => run.Name == name).Result!;

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static BlobClient Blob(string containerAndName)
    {
        var separator = containerAndName.IndexOf('/', StringComparison.Ordinal);
        return new BlobContainerClient("UseDevelopmentStorage=true", containerAndName[..separator])
            .GetBlobClient(containerAndName[(separator + 1)..]);
    }

    private static async Task<bool> ExistsAsync(string containerAndName) =>
        (await Blob(containerAndName).ExistsAsync()).Value;

    private static async Task<string> DownloadAsync(string containerAndName) =>
        (await Blob(containerAndName).DownloadContentAsync()).Value.Content.ToString();

    private static async Task<IDictionary<string, string>> PropertiesAsync(string containerAndName) =>
        (await Blob(containerAndName).GetPropertiesAsync()).Value.Metadata;

    private static async Task<IReadOnlyList<CanaryHit>> ScanTableAsync(string table)
    {
        var client = new TableClient("UseDevelopmentStorage=true", table);
        var text = new StringBuilder();
        await foreach (var entity in client.QueryAsync<TableEntity>())
        {
            foreach (var (key, value) in entity)
            {
                text.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        Assert.True(text.Length > 0, $"The table {table} should hold the run's rows.");
        return CanaryScanner.ScanText(text.ToString(), table);
    }

    private static async Task<IReadOnlyList<CanaryHit>> ScanQueuesAsync()
    {
        var hits = new List<CanaryHit>();
        var service = new QueueServiceClient("UseDevelopmentStorage=true",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await foreach (var queue in service.GetQueuesAsync())
        {
            var peeked = await service.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            foreach (var message in peeked.Value)
            {
                hits.AddRange(CanaryScanner.ScanText(message.Body.ToString(), $"queue {queue.Name}"));
            }
        }

        return hits;
    }

    private static async Task<IReadOnlyList<CanaryHit>> ScanBlobsAsync(string container, string prefix)
    {
        var hits = new List<CanaryHit>();
        var client = new BlobContainerClient("UseDevelopmentStorage=true", container);
        await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            var text = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            hits.AddRange(CanaryScanner.ScanText(text, $"{container}/{blob.Name}"));
        }

        return hits;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }
}
