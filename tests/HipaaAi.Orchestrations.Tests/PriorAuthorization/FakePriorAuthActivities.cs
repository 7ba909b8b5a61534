using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.Tests.Approvals;
using HipaaAi.Orchestrations.Tests.RecordsIntake;
using HipaaAi.Shared.Storage;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Tests.PriorAuthorization;

/// <summary>
/// Stands in for the prior-authorization activities under their real durable names, beside the fake records-intake
/// and approval activities, so the real orchestrators (prior authorization and approval) run on the in-process host.
/// The payer's answers are a script: one status per poll, the last repeated.
/// </summary>
internal sealed class FakePriorAuthActivities
{
    public FakeIntakeActivities Intake { get; } = new();

    public FakeApprovalActivities Approvals { get; } = new();

    public ConcurrentQueue<NotifyStaffInput> Notices { get; } = new();

    public ConcurrentQueue<string> Calls { get; } = new();

    public List<PayerStatus> PayerAnswers { get; } = [PayerStatus.Approved];

    public IReadOnlyList<string> AssessmentExceptions { get; set; } = [];

    private int _polls;

    public int Polls => _polls;

    public int Count(string activity) => Calls.Count(call => call == activity);

    public void Register(DurableTaskRegistry registry)
    {
        Intake.Register(registry);
        Approvals.Register(registry);
        registry.AddOrchestratorFunc<PriorAuthRequest, PriorAuthResult>(PriorAuthorizationOrchestrator.Name,
            PriorAuthorizationOrchestrator.RunAsync);

        Add<GatherInput, GatherResult>(registry, nameof(GatherDocumentsActivity), input => new GatherResult(
            [
                new CaseSource("pa-form", Blob("form.pdf"), null, null, null),
                new CaseSource("pa-note", Blob("note.pdf"), HipaaAi.Shared.Understanding.DocumentType.ClinicalNote, 1, 1),
            ], []));
        Add<AssessInput, AssessResult>(registry, nameof(AssessActivity), input => new AssessResult(
            "Example Health", "example-drug", "Example Health/example-drug/v2", 3,
            AssessmentExceptions.Count == 0 ? 3 : 2, AssessmentExceptions, AssessmentExceptions.Count == 0,
            $"records/prior-auth/{input.CaseId}/assessment.json"));
        Add<BuildPacketInput, BuildPacketResult>(registry, nameof(BuildPacketActivity), input => new BuildPacketResult(
            $"records/prior-auth/{input.CaseId}/packet.pdf", $"records/prior-auth/{input.CaseId}/summary.json",
            2 + input.Segments.Count));
        Add<SubmitPacketInput, SubmitPacketResult>(registry, nameof(SubmitPacketActivity),
            input => new SubmitPacketResult("sub-1", "outbox"));
        Add<CheckStatusInput, CheckStatusResult>(registry, nameof(CheckSubmissionStatusActivity), _ =>
        {
            var poll = Interlocked.Increment(ref _polls);
            return new CheckStatusResult(PayerAnswers[Math.Min(poll, PayerAnswers.Count) - 1]);
        });
        Add<NotifyStaffInput, NotifyStaffResult>(registry, nameof(NotifyStaffActivity), input =>
        {
            Notices.Enqueue(input);
            return new NotifyStaffResult("prior-auth-staff");
        });
    }

    private static BlobReference Blob(string name) =>
        new(StorageNames.Work, $"uploads/{name}", 2048, new string('b', 64), "application/pdf");

    private void Add<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<TInput, TOutput> handler)
    {
        registry.AddActivityFunc<ActivityRequest<TInput>, TOutput>(name, (_, request) =>
        {
            Calls.Enqueue(name);
            return handler(request.Input);
        });
    }
}
