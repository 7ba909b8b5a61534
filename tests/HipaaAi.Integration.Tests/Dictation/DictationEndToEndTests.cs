using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HipaaAi.Local.Hosting;
using HipaaAi.Local.Review;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.Dictation.Trigger;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Dictation;
using HipaaAi.Shared.Storage;
using Hl7.Fhir.Model;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace HipaaAi.Integration.Tests.Dictation;

/// <summary>The embedded default with approvals on the local channel, its own task hub and state folder.</summary>
public sealed class DictationHostFixture : IAsyncLifetime
{
    public LocalPaths Paths { get; private set; } = null!;

    public LocalSession Session { get; private set; } = null!;

    public DocumentStore Store => Session.Services.GetRequiredService<DocumentStore>();

    public async Task InitializeAsync()
    {
        var discovered = LocalPaths.Discover();
        Paths = new LocalPaths(discovered.RepositoryRoot, Directory.CreateTempSubdirectory("hipaaai-dictation-").FullName);
        var settings = ReviewEndpoint.Reserve().Settings();
        settings["Local:TaskHubName"] = "DictationTest" + Guid.NewGuid().ToString("N")[..10];
        settings["Dictation:FirstRetryDelaySeconds"] = "0.2";
        settings["Dictation:MaxRetryDelaySeconds"] = "1";
        Session = await LocalSession.StartAsync(Paths, CancellationToken.None, settings);
    }

    public async Task DisposeAsync()
    {
        await Session.DisposeAsync();
        Directory.Delete(Paths.StateRoot, recursive: true);
    }
}

/// <summary>
/// Recordings through the whole local pipeline: inbox watcher, audio preflight, PocketSphinx, the extractive drafter,
/// a provider's signature through the approval service, and the FHIR DocumentReference in the outbox.
/// </summary>
public sealed class DictationEndToEndTests(DictationHostFixture host) : IClassFixture<DictationHostFixture>
{
    [Fact]
    public async Task GeneratedDictation_SignedByAProvider_EndsAsAFinalDocumentReferenceInTheOutbox()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var folder = Directory.CreateTempSubdirectory("hipaaai-speech-").FullName;
        var wav = Path.Combine(folder, "cough.wav");
        await DictationSampleSet.SpeakAsync(DictationSampleSet.Scripts[2].Text, wav, timeout.Token);
        var bytes = await File.ReadAllBytesAsync(wav, timeout.Token);
        var name = $"cough-{Guid.NewGuid():N}.wav";
        var instanceId = InstanceIdFor(name, bytes);

        // Act: the recording lands in the inbox; a nurse tries to sign, then the provider signs.
        await host.Store.Container(StorageNames.DictationInbox).GetBlobClient(name)
            .UploadAsync(new BinaryData(bytes), overwrite: true, timeout.Token);
        var pending = await PendingApprovalAsync(instanceId, timeout.Token);
        var decisions = host.Session.Services.GetRequiredService<ApprovalDecisionService>();
        var nurse = await decisions.DecideAsync(host.Session.Runtime.Client, new DecisionSubmission(pending.ApprovalId,
            ApprovalDecision.Approve, null, null, new ApprovalActor("nurse-oid-3", ["Nurse"]), "test"), timeout.Token);
        var provider = await decisions.DecideAsync(host.Session.Runtime.Client, new DecisionSubmission(
            pending.ApprovalId, ApprovalDecision.Approve, null, null, new ApprovalActor("provider-oid-9", ["Provider"]),
            "test"), timeout.Token);
        var result = await ResultAsync(instanceId, timeout.Token);

        // Assert
        Assert.Equal(DecisionStatus.Forbidden, nurse.Status);
        Assert.Equal(DecisionStatus.Accepted, provider.Status);
        Assert.Equal(DictationOutcome.Finalized, result.Outcome);
        Assert.Equal("provider-oid-9", result.SignedBy);
        Assert.True(result.LowConfidence);
        Assert.True(result.Words > 10);
        Assert.Equal(ApprovalKinds.NoteSignature, pending.Kind);

        var json = await DownloadAsync(result.DocumentReferenceBlob!, timeout.Token);
        var reference = JsonSerializer.Deserialize<DocumentReference>(json, NoteDocumentReference.Json)!;
        Assert.Equal(CompositionStatus.Final, reference.DocStatus);
        Assert.Equal("provider-oid-9", reference.Authenticator!.Display);
        var attached = Encoding.UTF8.GetString(reference.Content[0].Attachment!.Data!);
        Assert.Equal(await DownloadAsync(result.NoteTextBlob!, timeout.Token), attached);
        Assert.Contains(NoteRenderer.LowConfidenceWarning, attached, StringComparison.Ordinal);
        Assert.Contains("Electronically signed by provider-oid-9", attached, StringComparison.Ordinal);

        Assert.False((await host.Store.Container(StorageNames.DictationInbox).GetBlobClient(name)
            .ExistsAsync(timeout.Token)).Value);
        var audit = await AuditAsync(instanceId, timeout.Token);
        Assert.Contains(audit, record => record.Event.Activity == "FinalizeNoteActivity"
            && record.Event.Outcome == AuditOutcomes.Succeeded);
        Assert.Contains(audit, record => record.Event.Activity == "TranscribeActivity");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SilentRecording_IsQuarantinedWithTheSilentReasonAndNoApproval()
    {
        // Arrange
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var silence = new MemoryStream();
        WavFile.WriteMono16(silence, new float[16_000 * 6], 16_000);
        var bytes = silence.ToArray();
        var name = $"silence-{Guid.NewGuid():N}.wav";
        var instanceId = InstanceIdFor(name, bytes);

        // Act
        await host.Store.Container(StorageNames.DictationInbox).GetBlobClient(name)
            .UploadAsync(new BinaryData(bytes), overwrite: true, timeout.Token);
        var result = await ResultAsync(instanceId, timeout.Token);

        // Assert
        Assert.Equal(DictationOutcome.Quarantined, result.Outcome);
        Assert.Equal(nameof(AudioVerdict.Silent), result.Reason);
        Assert.Null(result.TranscriptEngine);
        var quarantined = host.Store.Container(StorageNames.Quarantine)
            .GetBlobClient(result.QuarantineBlob![(StorageNames.Quarantine.Length + 1)..]);
        var properties = await quarantined.GetPropertiesAsync(cancellationToken: timeout.Token);
        Assert.Equal(nameof(AudioVerdict.Silent), properties.Value.Metadata["reason"]);
        var audit = await AuditAsync(instanceId, timeout.Token);
        Assert.Contains(audit, record => record.Event.Activity == "QuarantineActivity"
            && record.Event.Outcome == AuditOutcomes.Quarantined);
        Assert.DoesNotContain(audit, record => record.Event.Activity == "TranscribeActivity");
    }

    private static string InstanceIdFor(string name, byte[] bytes) => DictationStarter.InstanceIdFor(
        DictationStarter.DictationIdFor(StorageNames.DictationInbox, name, Convert.ToHexStringLower(SHA256.HashData(bytes))));

    private async Task<ApprovalRecord> PendingApprovalAsync(string instanceId, CancellationToken token)
    {
        var store = host.Session.Services.GetRequiredService<ApprovalStore>();
        var dictationId = "dict-" + instanceId["dictation-".Length..];
        while (true)
        {
            var pending = (await store.ListPendingAsync(token)).FirstOrDefault(record => record.SubjectId == dictationId);
            if (pending is not null)
            {
                return pending;
            }

            var state = await host.Session.Runtime.Client.GetInstanceAsync(instanceId, token);
            Assert.False(state?.IsCompleted ?? false, "The dictation ended before asking for a signature.");
            await Task.Delay(500, token);
        }
    }

    private async Task<DictationResult> ResultAsync(string instanceId, CancellationToken token)
    {
        while (await host.Session.Runtime.Client.GetInstanceAsync(instanceId, token) is null)
        {
            await Task.Delay(250, token);
        }

        var metadata = await host.Session.Runtime.Client.WaitForInstanceCompletionAsync(instanceId,
            getInputsAndOutputs: true, token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        return metadata.ReadOutputAs<DictationResult>()!;
    }

    private async Task<string> DownloadAsync(string reference, CancellationToken token)
    {
        var separator = reference.IndexOf('/', StringComparison.Ordinal);
        var content = await host.Store.Container(reference[..separator]).GetBlobClient(reference[(separator + 1)..])
            .DownloadContentAsync(token);
        return content.Value.Content.ToString();
    }

    private Task<IReadOnlyList<AuditRecord>> AuditAsync(string instanceId, CancellationToken token) =>
        host.Session.Services.GetRequiredService<AuditTrailReader>()
            .QueryAsync(new AuditQuery(Workflow.Dictation) { InstanceId = instanceId }, token);
}
