using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Documents;
using HipaaAi.Shared.Reading;
using HipaaAi.Shared.Understanding;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Tests.RecordsIntake;

/// <summary>
/// Stands in for the intake activities under their real durable names so the real orchestrator can be driven
/// through each path. Every call is recorded with its attempt number.
/// </summary>
internal sealed class FakeIntakeActivities
{
    public ConcurrentQueue<(string Activity, int Attempt)> Calls { get; } = new();

    public Func<int, PreflightResult> Preflight { get; set; } =
        _ => new PreflightResult(PreflightVerdict.Accepted, DocumentFormat.Pdf, 1, null, false, []);

    public Func<ReadPagesInput, int, ReadPagesResult> ReadPages { get; set; } = (input, _) => new ReadPagesResult(
        [.. input.Pages.Select(page => new PageReadSummary(page, 100, 0.9, 0, PageTextSource.Ocr))], "fake-ocr");

    public Func<int, IReadOnlyList<DocumentSegment>> Split { get; set; } = pages => [new DocumentSegment(1, pages, "whole")];

    public Func<SegmentInput, ClassifyResult> Classify { get; set; } =
        _ => new ClassifyResult(DocumentType.Referral, 0.93, "fake", false);

    public Func<SegmentInput, SummarizeResult> Summarize { get; set; } = _ => new SummarizeResult(42, false);

    /// <summary>Which documents the route step sends to review; by default those with extra reasons.</summary>
    public Func<RouteInput, bool> SendToReview { get; set; } = input => input.ExtraReasons.Count > 0;

    /// <summary>Every verdict the orchestrator asked to apply to a record.</summary>
    public ConcurrentQueue<ApplyReviewInput> AppliedReviews { get; } = new();

    public int Count(string activity) => Calls.Count(call => call.Activity == activity);

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<IntakeRequest, IntakeResult>(RecordsIntakeOrchestrator.Name,
            RecordsIntakeOrchestrator.RunAsync);

        Add<PreflightInput, PreflightResult>(registry, nameof(PreflightActivity), request => Preflight(request.Attempt));
        Add<ReadPagesInput, ReadPagesResult>(registry, nameof(ReadPagesActivity),
            request => ReadPages(request.Input, request.Attempt));
        Add<SplitInput, SplitResult>(registry, nameof(SplitActivity),
            request => new SplitResult(Split(request.Input.PageCount)));
        Add<SegmentInput, ClassifyResult>(registry, nameof(ClassifyActivity), request => Classify(request.Input));
        Add<TypedSegmentInput, ExtractResult>(registry, nameof(ExtractActivity),
            _ => new ExtractResult(5, [], false));
        Add<CheckInput, CheckResult>(registry, nameof(CheckActivity), request => new CheckResult(
            request.Input.Segments.ToDictionary(segment => segment.Index, _ => SegmentCheck.None)));
        Add<TypedSegmentInput, SummarizeResult>(registry, nameof(SummarizeActivity),
            request => Summarize(request.Input.Segment));
        Add<RouteInput, RouteResult>(registry, nameof(RouteActivity), request => new RouteResult(
            SendToReview(request.Input) ? "records-review" : "records-referrals",
            SendToReview(request.Input),
            SendToReview(request.Input) ? [.. request.Input.ExtraReasons, "low classification confidence"] : [],
            $"records/{request.Input.DocumentId}/{request.Input.Segment.Index:D2}.json"));
        Add<FinishInput, FinishResult>(registry, nameof(FinishActivity),
            request => new FinishResult($"records/{request.Input.DocumentId}/source.pdf", 3));
        Add<QuarantineInput, QuarantineResult>(registry, nameof(QuarantineActivity),
            request => new QuarantineResult($"quarantine/{request.Input.DocumentId}"));
        Add<RecordReviewInput, RecordReviewCard>(registry, nameof(PrepareReviewActivity), request => new RecordReviewCard(
            request.Input.AuditSubject, "Review a Referral", [new ApprovalFact("Patient", "A. B., born 1960-**-**")],
            ["low classification confidence"], new Uri($"https://app.example/api/records/{request.Input.AuditSubject}")));
        Add<ApplyReviewInput, ApplyReviewResult>(registry, nameof(ApplyReviewActivity), request =>
        {
            AppliedReviews.Enqueue(request.Input);
            return request.Input.Decision == ApprovalDecision.Approve
                ? new ApplyReviewResult(ReviewStatuses.Approved, "records-referrals")
                : new ApplyReviewResult(ReviewStatuses.Rejected, "records-review");
        });
    }

    private void Add<TInput, TOutput>(
        DurableTaskRegistry registry,
        string name,
        Func<ActivityRequest<TInput>, TOutput> handler)
    {
        registry.AddActivityFunc<ActivityRequest<TInput>, TOutput>(name, (_, request) =>
        {
            Calls.Enqueue((name, request.Attempt));
            return handler(request);
        });
    }
}
