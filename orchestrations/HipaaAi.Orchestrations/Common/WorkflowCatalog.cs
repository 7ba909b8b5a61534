using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Activities;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.PriorAuthorization;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.Dictation;
using HipaaAi.Orchestrations.Dictation.Activities;
using HipaaAi.Orchestrations.Dictation.Models;
using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Orchestrations.Common;

/// <summary>An orchestrator known to the product, with the code both hosts run for it.</summary>
public sealed record OrchestratorDescriptor(string Name, Type InputType, Type OutputType, Action<DurableTaskRegistry> Register)
{
    public static OrchestratorDescriptor For<TInput, TOutput>(
        string name,
        Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        new(name, typeof(TInput), typeof(TOutput), registry => registry.AddOrchestratorFunc(name, run));
}

/// <summary>An activity known to the product: its durable name, implementation and input and output types.</summary>
public sealed record ActivityDescriptor(
    string Name,
    Type ActivityType,
    Type InputType,
    Type OutputType,
    Action<DurableTaskRegistry> Register)
{
    public static ActivityDescriptor For<TActivity, TInput, TOutput>()
        where TActivity : IWorkflowActivity<TInput, TOutput>
        where TInput : IAuditSubject
    {
        var name = typeof(TActivity).Name;
        return new ActivityDescriptor(name, typeof(TActivity), typeof(TInput), typeof(TOutput), registry =>
            registry.AddActivity(name, services => new DurableActivityAdapter<TActivity, TInput, TOutput>(
                name, services.GetRequiredService<AuditedActivityInvoker>())));
    }
}

/// <summary>
/// Every orchestrator and activity of every workflow. The local host registers exactly these; a test holds the
/// Functions app's generated metadata against the same list, so the two hosts cannot drift apart.
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<OrchestratorDescriptor> Orchestrators { get; } =
    [
        OrchestratorDescriptor.For<IntakeRequest, IntakeResult>(RecordsIntakeOrchestrator.Name,
            RecordsIntakeOrchestrator.RunAsync),
        OrchestratorDescriptor.For<ApprovalRequest, ApprovalOutcome>(ApprovalOrchestrator.Name,
            ApprovalOrchestrator.RunAsync),
        OrchestratorDescriptor.For<PriorAuthRequest, PriorAuthResult>(PriorAuthorizationOrchestrator.Name,
            PriorAuthorizationOrchestrator.RunAsync),
        OrchestratorDescriptor.For<DictationRequest, DictationResult>(DictationOrchestrator.Name,
            DictationOrchestrator.RunAsync),
        OrchestratorDescriptor.For<BillingRequest, BillingResult>(BillingReviewOrchestrator.Name,
            BillingReviewOrchestrator.RunAsync),
    ];

    public static IReadOnlyList<ActivityDescriptor> Activities { get; } =
    [
        ActivityDescriptor.For<PreflightActivity, PreflightInput, PreflightResult>(),
        ActivityDescriptor.For<ReadPagesActivity, ReadPagesInput, ReadPagesResult>(),
        ActivityDescriptor.For<SplitActivity, SplitInput, SplitResult>(),
        ActivityDescriptor.For<ClassifyActivity, SegmentInput, ClassifyResult>(),
        ActivityDescriptor.For<ExtractActivity, TypedSegmentInput, ExtractResult>(),
        ActivityDescriptor.For<CheckActivity, CheckInput, CheckResult>(),
        ActivityDescriptor.For<SummarizeActivity, TypedSegmentInput, SummarizeResult>(),
        ActivityDescriptor.For<RouteActivity, RouteInput, RouteResult>(),
        ActivityDescriptor.For<FinishActivity, FinishInput, FinishResult>(),
        ActivityDescriptor.For<QuarantineActivity, QuarantineInput, QuarantineResult>(),
        ActivityDescriptor.For<PrepareReviewActivity, RecordReviewInput, RecordReviewCard>(),
        ActivityDescriptor.For<ApplyReviewActivity, ApplyReviewInput, ApplyReviewResult>(),
        ActivityDescriptor.For<PostApprovalCardActivity, PostApprovalCardInput, PostApprovalCardResult>(),
        ActivityDescriptor.For<CloseApprovalActivity, CloseApprovalInput, CloseApprovalResult>(),
        ActivityDescriptor.For<GatherDocumentsActivity, GatherInput, GatherResult>(),
        ActivityDescriptor.For<AssessActivity, AssessInput, AssessResult>(),
        ActivityDescriptor.For<BuildPacketActivity, BuildPacketInput, BuildPacketResult>(),
        ActivityDescriptor.For<SubmitPacketActivity, SubmitPacketInput, SubmitPacketResult>(),
        ActivityDescriptor.For<CheckSubmissionStatusActivity, CheckStatusInput, CheckStatusResult>(),
        ActivityDescriptor.For<NotifyStaffActivity, NotifyStaffInput, NotifyStaffResult>(),
        ActivityDescriptor.For<AudioPreflightActivity, AudioPreflightInput, AudioPreflightResult>(),
        ActivityDescriptor.For<TranscribeActivity, TranscribeInput, TranscribeResult>(),
        ActivityDescriptor.For<DraftNoteActivity, DraftNoteInput, DraftNoteResult>(),
        ActivityDescriptor.For<FinalizeNoteActivity, FinalizeNoteInput, FinalizeNoteResult>(),
        ActivityDescriptor.For<ParseClaimsActivity, ParseClaimsInput, ParseClaimsResult>(),
        ActivityDescriptor.For<CheckClaimActivity, ClaimStepInput, FindingsStored>(),
        ActivityDescriptor.For<CheckDocumentationActivity, ClaimStepInput, DocumentationStored>(),
        ActivityDescriptor.For<WriteFindingsReportActivity, WriteReportInput, ReportWritten>(),
        ActivityDescriptor.For<ReleaseClaimActivity, ReleaseClaimInput, ReleaseResult>(),
        ActivityDescriptor.For<FinishClaimFileActivity, FinishClaimFileInput, FinishClaimFileResult>(),
    ];

    public static void RegisterAll(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);

        foreach (var orchestrator in Orchestrators)
        {
            orchestrator.Register(registry);
        }

        foreach (var activity in Activities)
        {
            activity.Register(registry);
        }
    }
}

/// <summary>Runs a workflow activity on the Durable Task worker through the audited invoker.</summary>
internal sealed class DurableActivityAdapter<TActivity, TInput, TOutput>(string name, AuditedActivityInvoker invoker)
    : TaskActivity<ActivityRequest<TInput>, TOutput>
    where TActivity : IWorkflowActivity<TInput, TOutput>
    where TInput : IAuditSubject
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, ActivityRequest<TInput> input)
    {
        ArgumentNullException.ThrowIfNull(context);

        return invoker.InvokeAsync<TActivity, TInput, TOutput>(name, context.InstanceId, input, CancellationToken.None);
    }
}
