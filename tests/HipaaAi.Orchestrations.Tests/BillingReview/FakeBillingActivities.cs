using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.BillingReview;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Billing;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Tests.BillingReview;

/// <summary>
/// Stands in for the billing activities and the approval sub-orchestration under their real durable names, so the
/// real orchestrator is driven through each path. Every call and every approval request is recorded.
/// </summary>
internal sealed class FakeBillingActivities
{
    public ConcurrentQueue<(string Activity, int Attempt, string Subject)> Calls { get; } = new();

    public ConcurrentQueue<ApprovalRequest> Approvals { get; } = new();

    public ConcurrentQueue<ReleaseClaimInput> Releases { get; } = new();

    public ConcurrentQueue<QuarantineInput> Quarantines { get; } = new();

    public Func<ParseClaimsInput, int, ParseClaimsResult> Parse { get; set; } = (input, _) => Accepted(input.FileId, 1);

    /// <summary>Findings of a claim by index: (count, highest severity) from the checks.</summary>
    public Func<int, (int Count, FindingSeverity? Highest)> Checks { get; set; } = _ => (0, null);

    public Func<ClaimStepInput, int, DocumentationStored> Documentation { get; set; } =
        (input, _) => new DocumentationStored(1, FindingSeverity.Info, 1, 1, $"work/{input.FileId}/doc.json");

    public Func<ApprovalRequest, ApprovalDecision?> Decide { get; set; } = _ => ApprovalDecision.Approve;

    public Func<ReleaseClaimInput, ReleaseResult>? Release { get; set; }

    /// <summary>When set, the real approval sub-orchestration runs over these fake card activities instead.</summary>
    public Approvals.FakeApprovalActivities? RealApprovals { get; set; }

    public int Count(string activity) => Calls.Count(call => call.Activity == activity);

    public static ParseClaimsResult Accepted(string fileId, int claims) => new(true, "X12", null, null,
        [.. Enumerable.Range(1, claims).Select(index => new ClaimWork(index, ClaimKind.Professional, 2,
            BillingBlobs.Claim(fileId, index)))]);

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<BillingRequest, BillingResult>(BillingReviewOrchestrator.Name,
            BillingReviewOrchestrator.RunAsync);
        if (RealApprovals is not null)
        {
            RealApprovals.Register(registry);
        }
        else
        {
            registry.AddOrchestratorFunc<ApprovalRequest, ApprovalOutcome>(ApprovalOrchestrator.Name,
                (context, request) =>
                {
                    Approvals.Enqueue(request);
                    var decision = Decide(request);
                    return Task.FromResult(new ApprovalOutcome(context.InstanceId,
                        decision is null ? ApprovalVerdict.Expired : ApprovalVerdict.Decided, decision,
                        decision is null ? null : "staff-1", null, null, false, 0));
                });
        }

        Add<ParseClaimsInput, ParseClaimsResult>(registry, nameof(ParseClaimsActivity),
            request => Parse(request.Input, request.Attempt));
        Add<ClaimStepInput, FindingsStored>(registry, nameof(CheckClaimActivity), request =>
        {
            var (count, highest) = Checks(request.Input.Index);
            return new FindingsStored(count, highest, BillingBlobs.CheckFindings(request.Input.FileId,
                request.Input.Index));
        });
        Add<ClaimStepInput, DocumentationStored>(registry, nameof(CheckDocumentationActivity),
            request => Documentation(request.Input, request.Attempt));
        Add<WriteReportInput, ReportWritten>(registry, nameof(WriteFindingsReportActivity), request =>
        {
            var (count, highest) = Checks(request.Input.Index);
            var rules = count == 0 ? new Dictionary<string, int>()
                : new Dictionary<string, int> { [BillingRules.PtpNotBypassable] = count };
            return new ReportWritten(count, highest, rules, highest >= request.Input.Threshold,
                $"outbox/{BillingBlobs.Report(request.Input.FileId, request.Input.Index)}",
                $"outbox/{BillingBlobs.Summary(request.Input.FileId, request.Input.Index)}");
        });
        Add<ReleaseClaimInput, ReleaseResult>(registry, nameof(ReleaseClaimActivity), request =>
        {
            Releases.Enqueue(request.Input);
            return Release?.Invoke(request.Input) ?? new ReleaseResult(
                request.Input.Kind == ReleaseKind.Corrected ? ClaimOutcome.Corrected : ClaimOutcome.Released,
                $"outbox/{BillingBlobs.Released(request.Input.FileId, request.Input.Index)}", null);
        });
        Add<FinishClaimFileInput, FinishClaimFileResult>(registry, nameof(FinishClaimFileActivity),
            request => new FinishClaimFileResult($"outbox/billing/{request.Input.FileId}/source.x12", 4));
        Add<QuarantineInput, QuarantineResult>(registry, nameof(QuarantineActivity), request =>
        {
            Quarantines.Enqueue(request.Input);
            return new QuarantineResult($"quarantine/{request.Input.DocumentId}");
        });
    }

    private void Add<TInput, TOutput>(
        DurableTaskRegistry registry,
        string name,
        Func<ActivityRequest<TInput>, TOutput> handler)
        where TInput : IAuditSubject
    {
        registry.AddActivityFunc<ActivityRequest<TInput>, TOutput>(name, (_, request) =>
        {
            Calls.Enqueue((name, request.Attempt, request.Input.AuditSubject));
            return handler(request);
        });
    }
}
