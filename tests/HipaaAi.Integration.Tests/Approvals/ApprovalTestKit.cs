using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure.Data.Tables;
using HipaaAi.Local.Hosting;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace HipaaAi.Integration.Tests.Approvals;

/// <summary>Keeps every audit event a test produced.</summary>
internal sealed class RecordingAuditSink : IAuditSink
{
    public ConcurrentQueue<AuditEvent> Events { get; } = new();

    public Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        foreach (var item in events)
        {
            Events.Enqueue(item);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// A decision service over a real table in the storage emulator (a fresh table per test), a real link signer, a
/// recording audit sink and a durable client that reports the instance as running.
/// </summary>
internal sealed class DecisionHarness
{
    public const string InstanceId = "approval-instance-1";

    private DecisionHarness(ApprovalStore store, ApprovalLinkSigner signer, ApprovalDecisionService service,
        RecordingAuditSink audit, ManualClock clock, Mock<DurableTaskClient> client)
    {
        Store = store;
        Signer = signer;
        Service = service;
        Audit = audit;
        Clock = clock;
        Client = client;
    }

    public ApprovalStore Store { get; }

    public ApprovalLinkSigner Signer { get; }

    public ApprovalDecisionService Service { get; }

    public RecordingAuditSink Audit { get; }

    public ManualClock Clock { get; }

    public Mock<DurableTaskClient> Client { get; }

    public OrchestrationRuntimeStatus? InstanceStatus { get; set; } = OrchestrationRuntimeStatus.Running;

    public static DecisionHarness Create()
    {
        var options = Options.Create(new ApprovalOptions
        {
            LinkSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            TableName = "approvals" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            DeciderRoles = { [ApprovalKinds.NoteSignature] = ["Provider"] },
        });
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new ApprovalStore(new TableServiceClient("UseDevelopmentStorage=true"), options);
        var signer = new ApprovalLinkSigner(options, clock);
        var audit = new RecordingAuditSink();
        var client = new Mock<DurableTaskClient>(MockBehavior.Strict, "test");
        var service = new ApprovalDecisionService(store, signer, audit, options, clock,
            NullLogger<ApprovalDecisionService>.Instance);
        var harness = new DecisionHarness(store, signer, service, audit, clock, client);

        client.Setup(mock => mock.GetInstanceAsync(InstanceId, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => harness.InstanceStatus is { } status
                ? new OrchestrationMetadata(ApprovalOrchestrator.Name, InstanceId) { RuntimeStatus = status }
                : null);
        client.Setup(mock => mock.RaiseEventAsync(InstanceId, ApprovalEvents.Decided, It.IsAny<object>(),
                It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        return harness;
    }

    /// <summary>Stores a pending approval as the post activity would, and returns its id.</summary>
    public async Task<string> PendingAsync(string kind = ApprovalKinds.RecordReview, string role = "RecordsReviewer")
    {
        var approvalId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await Store.SaveRequestAsync(new ApprovalRecord(approvalId, InstanceId, Workflow.RecordsIntake, kind,
            "doc-42/01", role, [ApprovalDecision.Approve, ApprovalDecision.Reject], ApprovalStatus.Pending,
            Clock.GetUtcNow(), Clock.GetUtcNow().AddDays(7), "{}"), CancellationToken.None);
        return approvalId;
    }

    public string Link(string approvalId, ApprovalDecision decision, string role = "RecordsReviewer") =>
        Signer.Sign(approvalId, decision, role, Clock.GetUtcNow().AddDays(1));

    public Task<DecisionAnswer> DecideAsync(string approvalId, string? token, ApprovalActor? principal = null,
        ApprovalDecision? decision = null) =>
        Service.DecideAsync(Client.Object,
            new DecisionSubmission(approvalId, decision, null, token, principal, "test"), CancellationToken.None);

    public int RaisedEvents => Client.Invocations.Count(call => call.Method.Name == nameof(DurableTaskClient.RaiseEventAsync));
}

/// <summary>
/// The storage emulator for the approval tests: started (or reused) once for the collection and stopped at its end
/// if it was started here.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("hipaaai-approvals-");
    private AzuriteProcess? _azurite;

    public LocalPaths Paths { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Paths = new LocalPaths(LocalPaths.Discover().RepositoryRoot, _state.FullName);
        _azurite = await AzuriteProcess.EnsureRunningAsync(Paths, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _state.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorGroup : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Approvals on the storage emulator";
}
