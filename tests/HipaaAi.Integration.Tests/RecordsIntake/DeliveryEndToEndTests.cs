using System.Security.Cryptography;
using HipaaAi.Local.Commands;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Integration.Tests.RecordsIntake;

/// <summary>How deliveries the way real inboxes produce them end: repeats, and files written in two steps.</summary>
/// <summary>
/// A host that sends no review cards: these tests are about delivery and reading, and a file whose documents went to
/// review then ends at once with its full result instead of waiting for a reviewer.
/// </summary>
public sealed class NoReviewCardsFixture : LocalHostFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Intake:Review:Enabled"] = "false",
    };
}

public sealed class DeliveryEndToEndTests(NoReviewCardsFixture host) : IClassFixture<NoReviewCardsFixture>
{
    [Fact]
    public async Task SameFileUploadedTwice_YieldsOneOrchestrationAndLeavesTheInboxEmpty()
    {
        // Arrange
        var pdf = RenderLabResult(seed: 31);
        var name = $"twice-{Guid.NewGuid():N}.pdf";
        var instanceId = InstanceIdFor(StorageNames.ScanInbox, name, pdf);
        var blob = host.Store.Container(StorageNames.ScanInbox).GetBlobClient(name);

        // Act
        await blob.UploadAsync(new BinaryData(pdf), overwrite: true);
        var first = await WaitForCompletionAsync(instanceId);
        await blob.UploadAsync(new BinaryData(pdf), overwrite: true);
        await WaitUntilAsync(async () => !(await blob.ExistsAsync()).Value);

        // Assert
        Assert.Equal(IntakeOutcome.Completed, first.ReadOutputAs<IntakeResult>()!.Outcome);
        var again = await host.Session.Runtime.Client.GetInstanceAsync(instanceId);
        Assert.Equal(first.CreatedAt, again!.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, again.RuntimeStatus);
    }

    [Fact]
    public async Task FileWrittenEmptyThenFilled_IsProcessedOnceWhenComplete()
    {
        // Arrange
        var pdf = RenderLabResult(seed: 32);
        var name = $"late-{Guid.NewGuid():N}.pdf";
        var emptyInstance = InstanceIdFor(StorageNames.ScanInbox, name, []);
        var filledInstance = InstanceIdFor(StorageNames.ScanInbox, name, pdf);
        var blob = host.Store.Container(StorageNames.ScanInbox).GetBlobClient(name);

        // Act
        await blob.UploadAsync(new BinaryData(Array.Empty<byte>()), overwrite: true);
        await WaitUntilAsync(async () => await host.Session.Runtime.Client.GetInstanceAsync(emptyInstance) is not null);
        await blob.UploadAsync(new BinaryData(pdf), overwrite: true);
        var filled = await WaitForCompletionAsync(filledInstance);
        var empty = await WaitForCompletionAsync(emptyInstance);

        // Assert
        Assert.Equal(IntakeOutcome.Completed, filled.ReadOutputAs<IntakeResult>()!.Outcome);
        var superseded = empty.ReadOutputAs<IntakeResult>()!;
        Assert.Equal(IntakeOutcome.Superseded, superseded.Outcome);
        Assert.Null(superseded.QuarantineBlob);
    }

    [Fact]
    public async Task ZeroByteFileThatStaysEmpty_IsQuarantinedAsEmpty()
    {
        // Arrange
        var name = $"empty-{Guid.NewGuid():N}.pdf";
        var instanceId = InstanceIdFor(StorageNames.ScanInbox, name, []);

        // Act
        await host.Store.Container(StorageNames.ScanInbox).GetBlobClient(name)
            .UploadAsync(new BinaryData(Array.Empty<byte>()), overwrite: true);
        var state = await WaitForCompletionAsync(instanceId);

        // Assert
        var result = state.ReadOutputAs<IntakeResult>()!;
        Assert.Equal(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal("Empty", result.QuarantineReason);
        var quarantined = host.Store.Container(StorageNames.Quarantine)
            .GetBlobClient(result.QuarantineBlob![(StorageNames.Quarantine.Length + 1)..]);
        var properties = await quarantined.GetPropertiesAsync();
        Assert.Equal("Empty", properties.Value.Metadata["reason"]);
    }

    [Fact]
    public async Task TwoHundredPageFax_IsReadPageByPageAndEveryPageLandsInARoutedDocument()
    {
        // Arrange
        var renderer = new SampleRenderer(Options.Create(new SampleRenderingOptions()), NullLogger<SampleRenderer>.Instance);
        var note = new SyntheticDocuments(33).Next(DocumentType.ClinicalNote);
        var pages = renderer.RenderFaxPages(note.Pages, FaxEffects.None, 33);
        var fax = FaxTiff.Write([.. Enumerable.Range(0, 200).Select(index => pages[index % pages.Count])]);
        var name = $"long-{Guid.NewGuid():N}.tif";
        var instanceId = InstanceIdFor(StorageNames.FaxInbox, name, fax);

        // Act
        await host.Store.Container(StorageNames.FaxInbox).GetBlobClient(name).UploadAsync(new BinaryData(fax));
        var state = await WaitForCompletionAsync(instanceId, TimeSpan.FromMinutes(15));

        // Assert
        var result = state.ReadOutputAs<IntakeResult>()!;
        Assert.Equal(200, result.PageCount);
        Assert.NotEqual(IntakeOutcome.Quarantined, result.Outcome);
        Assert.Equal(200, result.Documents.Sum(document => document.LastPage - document.FirstPage + 1));
        Assert.True(state.SerializedInput!.Length < 16 * 1024, "The orchestration input must stay small.");
        Assert.True(state.SerializedOutput!.Length < 64 * 1024, "The orchestration output must stay small.");
    }

    private static byte[] RenderLabResult(int seed)
    {
        var renderer = new SampleRenderer(Options.Create(new SampleRenderingOptions()), NullLogger<SampleRenderer>.Instance);
        var document = new SyntheticDocuments(seed).Next(DocumentType.LabResult);
        return renderer.RenderTextPdf(document.Pages, seed);
    }

    private static string InstanceIdFor(string inbox, string name, byte[] content) =>
        RecordsIntakeStarter.InstanceIdFor(
            RecordsIntakeStarter.DocumentIdFor(inbox, name, Convert.ToHexStringLower(SHA256.HashData(content))));

    private async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, TimeSpan? limit = null)
    {
        OrchestrationMetadata? state = null;
        await WaitUntilAsync(async () =>
        {
            state = await host.Session.Runtime.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            return state?.IsCompleted == true;
        }, limit);
        return state!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the pipeline.");
            await Task.Delay(250);
        }
    }
}
