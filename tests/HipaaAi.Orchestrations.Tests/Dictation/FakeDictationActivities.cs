using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.Dictation;
using HipaaAi.Orchestrations.Dictation.Activities;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.Tests.Approvals;
using HipaaAi.Shared.Dictation;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Tests.Dictation;

/// <summary>
/// Stands in for the dictation activities (and the shared quarantine and archive activities) under their real
/// durable names; the approval sub-orchestration runs for real over <see cref="FakeApprovalActivities"/>.
/// </summary>
internal sealed class FakeDictationActivities
{
    public ConcurrentQueue<(string Activity, int Attempt)> Calls { get; } = new();

    public ConcurrentQueue<object> Inputs { get; } = new();

    public FakeApprovalActivities Approvals { get; } = new();

    public Func<int, AudioPreflightResult> Preflight { get; set; } = _ => new AudioPreflightResult(AudioVerdict.Accepted,
        AudioFormat.Wav, 640_000, TimeSpan.FromSeconds(20), 16_000, 1, TimeSpan.FromSeconds(15), null, false);

    public Func<int, TranscribeResult> Transcribe { get; set; } =
        _ => new TranscribeResult("pocketsphinx-0.8", true, 4, 48, TimeSpan.FromSeconds(20));

    public int Count(string activity) => Calls.Count(call => call.Activity == activity);

    public T Input<T>() => Inputs.OfType<T>().Single();

    public void Register(DurableTaskRegistry registry)
    {
        Approvals.Register(registry);
        registry.AddOrchestratorFunc<DictationRequest, DictationResult>(DictationOrchestrator.Name,
            DictationOrchestrator.RunAsync);

        Add<AudioPreflightInput, AudioPreflightResult>(registry, nameof(AudioPreflightActivity),
            request => Preflight(request.Attempt));
        Add<TranscribeInput, TranscribeResult>(registry, nameof(TranscribeActivity), request => Transcribe(request.Attempt));
        Add<DraftNoteInput, DraftNoteResult>(registry, nameof(DraftNoteActivity), request => new DraftNoteResult(
            "extractive-1", 9, Enum.GetValues<NotePart>().ToDictionary(part => part, _ => 1), 0,
            $"work/{request.Input.DictationId}/draft.txt"));
        Add<FinalizeNoteInput, FinalizeNoteResult>(registry, nameof(FinalizeNoteActivity), request =>
            new FinalizeNoteResult($"outbox/dictation/{request.Input.DictationId}.fhir.json",
                $"outbox/dictation/{request.Input.DictationId}.txt", 900));
        Add<FinishInput, FinishResult>(registry, nameof(FinishActivity),
            request => new FinishResult($"records/{request.Input.DocumentId}/source.wav", 4));
        Add<QuarantineInput, QuarantineResult>(registry, nameof(QuarantineActivity),
            request => new QuarantineResult($"quarantine/inbox-dictation/{request.Input.DocumentId}.wav"));
    }

    private void Add<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<ActivityRequest<TInput>, TOutput> handler)
    {
        registry.AddActivityFunc<ActivityRequest<TInput>, TOutput>(name, (_, request) =>
        {
            Calls.Enqueue((name, request.Attempt));
            Inputs.Enqueue(request.Input!);
            return handler(request);
        });
    }
}
