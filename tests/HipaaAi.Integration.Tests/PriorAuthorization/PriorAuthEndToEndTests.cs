using System.Text.Json;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace HipaaAi.Integration.Tests.PriorAuthorization;

/// <summary>A host whose payer criteria are a made-up payer's, written for this test into its own folder.</summary>
public sealed class SyntheticPayerFixture : LocalHostFixture
{
    public const string Payer = "Example Health Plan";
    public const string Service = "examplumab-psoriasis";

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => CriteriaSettings();

    private static Dictionary<string, string?> CriteriaSettings()
    {
        var criteria = Directory.CreateTempSubdirectory("hipaaai-criteria-").FullName;
        File.WriteAllText(Path.Combine(criteria, "example.json"), $$"""
            {
              "payer": "{{Payer}}", "service": "{{Service}}", "version": 1, "effectiveFrom": "2020-01-01",
              "source": "Example Health Plan policy EX-1 (synthetic)",
              "serviceCodes": ["J3590"], "diagnosisCodes": ["L40.0"], "serviceNames": ["examplumab"],
              "requiredDocuments": ["PriorAuthorizationForm", "ClinicalNote"],
              "packetOrder": ["PriorAuthorizationForm", "ClinicalNote"],
              "criteria": [
                { "id": "psoriasis-diagnosis", "text": "Plaque psoriasis diagnosed", "kind": "Text",
                  "anyOf": [["plaque psoriasis"]], "hedgedBy": ["rule out"], "foundIn": ["ClinicalNote"] },
                { "id": "step-therapy", "text": "Tried two prior therapies", "kind": "StepTherapy",
                  "drugs": ["clobetasol", "phototherapy"], "minDistinct": 2, "foundIn": ["ClinicalNote"] }
              ]
            }
            """);
        return new Dictionary<string, string?> { ["PriorAuth:CriteriaDirectory"] = criteria };
    }
}

public sealed class PriorAuthEndToEndTests(SyntheticPayerFixture host) : IClassFixture<SyntheticPayerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task QueuedRequest_ReadsClassifiesAndAssessesTheDocumentsThenWaitsForStaffWithAReadyPacket()
    {
        // Arrange: a two-document synthetic case, rendered as PDFs and dropped where a requester keeps them.
        var renderer = new SampleRenderer(Options.Create(new SampleRenderingOptions()),
            NullLogger<SampleRenderer>.Instance);
        var form = renderer.RenderTextPdf(["PRIOR AUTHORIZATION REQUEST FORM\nPatient Name: Jordan Example\n" +
            "DOB: 04/12/1980\nMedication requested: Examplumab 45 mg\nDiagnosis: plaque psoriasis"], 11);
        var note = renderer.RenderTextPdf(["CLINIC NOTE\nPatient Name: Jordan Example\nDOB: 04/12/1980\n" +
            "Assessment: moderate plaque psoriasis.\nTried clobetasol ointment for 12 weeks without response.\n" +
            "Completed 20 sessions of phototherapy with no improvement.\nPlan: start examplumab."], 12);
        await Upload("pa-e2e/form.pdf", form);
        await Upload("pa-e2e/note.pdf", note);
        var message = new PriorAuthRequestMessage("e2e-1", SyntheticPayerFixture.Payer, "Gold",
            SyntheticPayerFixture.Service, "J3590", "examplumab", "L40.0", new RequestingProvider("Dr. Sample", null, null),
            "EXH-558812", ["work/pa-e2e/form.pdf", "work/pa-e2e/note.pdf"], null, false, new DateOnly(2026, 3, 2),
            new Dictionary<string, DocumentType> { ["work/pa-e2e/form.pdf"] = DocumentType.PriorAuthorizationForm });
        var body = JsonSerializer.Serialize(message, DocumentStore.Json);
        var caseId = PriorAuthStarter.CaseIdFor(body);

        // Act: the request arrives on the queue, as in Azure.
        await Queue().SendMessageAsync(body);
        var state = await WaitForAsync(PriorAuthStarter.InstanceIdFor(caseId),
            metadata => metadata.SerializedCustomStatus?.Contains("AwaitingApproval", StringComparison.Ordinal) == true);

        // Assert
        Assert.Contains("criteria met", state.SerializedCustomStatus, StringComparison.Ordinal);
        var summary = await host.Store.ReadJsonAsync<PacketSummary>(StorageNames.Records, CaseBlobs.Summary(caseId), default);
        Assert.Equal("criteria met", summary.Readiness);
        Assert.All(summary.Assessment.Evidence, item => Assert.NotEmpty(item.Citations));
        var packet = await host.Store.Container(StorageNames.Records).GetBlobClient(CaseBlobs.Packet(caseId))
            .DownloadContentAsync();
        using var pdf = PdfDocument.Open(packet.Value.Content.ToArray());
        Assert.Equal(4, pdf.NumberOfPages);

        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var events = await reader.QueryAsync(new AuditQuery(Workflow.PriorAuthorization)
        {
            InstanceId = PriorAuthStarter.InstanceIdFor(caseId),
        }, default);
        var activities = events.Select(record => record.Event.Activity ?? string.Empty).ToHashSet();
        Assert.Subset(activities, new HashSet<string>
        {
            nameof(PriorAuthStarter), nameof(GatherDocumentsActivity), "PreflightActivity", "ReadPagesActivity",
            "ClassifyActivity", "ExtractActivity", nameof(AssessActivity), nameof(BuildPacketActivity),
        });
        Assert.DoesNotContain(events, record => record.Event.Detail?.Contains("Jordan", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task IncompleteRequest_IsQuarantinedWithItsReasonAuditedAndNotRedelivered()
    {
        // Arrange
        const string body = """{ "payer": "Example Health Plan", "service": "examplumab-psoriasis" }""";
        var caseId = PriorAuthStarter.CaseIdFor(body);
        var quarantined = host.Store.Container(StorageNames.Quarantine)
            .GetBlobClient($"{PriorAuthStarter.RejectedPrefix}{caseId}.json");

        // Act
        await Queue().SendMessageAsync(body);
        var deadline = DateTime.UtcNow + Patience;
        while (!(await quarantined.ExistsAsync()).Value && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        // Assert
        var metadata = (await quarantined.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal("Incomplete:diagnosisCode,patientReference,provider,documents", metadata["reason"]);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var left = await Queue().PeekMessagesAsync(10);
        Assert.DoesNotContain(left.Value, peeked => peeked.MessageText == body);
        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var events = await reader.QueryAsync(new AuditQuery(Workflow.PriorAuthorization) { Subject = caseId }, default);
        Assert.Contains(events, record => record.Event.Outcome == AuditOutcomes.Quarantined
            && record.Event.Detail == metadata["reason"]);
    }

    [Fact]
    public async Task OutboxChannel_SubmissionIsPendingUntilThePortalRecordsTheAnswer()
    {
        // Arrange
        var adapter = host.Session.Services.GetRequiredService<IPriorAuthSubmissionAdapter>();
        var portal = host.Session.Services.GetRequiredService<LocalPayerPortal>();
        await host.Store.WriteJsonAsync(StorageNames.Records, CaseBlobs.Summary("pa-case-outbox"), new { ok = true },
            null, default);
        await host.Store.Container(StorageNames.Records).GetBlobClient(CaseBlobs.Packet("pa-case-outbox"))
            .UploadAsync(new BinaryData("%PDF-1.4 test"u8.ToArray()), overwrite: true);
        var package = new SubmissionPackage("pa-case-outbox", "Example Health Plan", CaseBlobs.Packet("pa-case-outbox"),
            CaseBlobs.Summary("pa-case-outbox"));

        // Act
        var first = await adapter.SubmitAsync(package, default);
        var again = await adapter.SubmitAsync(package, default);
        var before = await adapter.GetStatusAsync(first, default);
        await portal.RecordAnswerAsync(first, PayerStatus.Denied, "REF-1", default);
        var after = await adapter.GetStatusAsync(first, default);

        // Assert
        Assert.Equal(first, again);
        Assert.Equal(PayerStatus.Pending, before);
        Assert.Equal(PayerStatus.Denied, after);
        Assert.True((await host.Store.Container(StorageNames.Outbox)
            .GetBlobClient($"{OutboxSubmissionAdapter.Prefix}{first}/packet.pdf").ExistsAsync()).Value);
    }

    private Azure.Storage.Queues.QueueClient Queue() =>
        host.Session.Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(PriorAuthQueues.Requests);

    private async Task Upload(string name, byte[] bytes) =>
        await host.Store.Container(StorageNames.Work).GetBlobClient(name).UploadAsync(new BinaryData(bytes),
            overwrite: true);

    private async Task<OrchestrationMetadata> WaitForAsync(string instanceId, Func<OrchestrationMetadata, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var state = await host.Session.Runtime.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (state is not null && (done(state) || state.IsCompleted))
            {
                return state;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Instance {instanceId} did not get there in {Patience}.");
    }
}
