using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Documents;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.RecordsIntake;

/// <summary>
/// Turns one inbox file into routed records: preflight, read pages in parallel batches, split, classify and extract
/// each document, check the packet, summarize, route, archive the source, then put documents routed to review before
/// staff as approval cards and apply their verdicts. Deterministic: it only decides from
/// activity results and its input, and carries references and counts, never document content.
/// </summary>
public static class RecordsIntakeOrchestrator
{
    public const string Name = nameof(RecordsIntakeOrchestrator);

    private const Workflow ThisWorkflow = Workflow.RecordsIntake;

    public static async Task<IntakeResult> RunAsync(TaskOrchestrationContext context, IntakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        var logger = context.CreateReplaySafeLogger(typeof(RecordsIntakeOrchestrator));
        try
        {
            var result = await ProcessAsync(context, request);
            Logs.IntakeFinished(logger, context.InstanceId, result.Outcome, result.Documents.Count, result.PageCount);
            return result;
        }
        catch (TaskFailedException failure)
        {
            // Every step already retried; the file goes to quarantine with the step that gave up, never silence.
            Logs.IntakeStepExhausted(logger, context.InstanceId, failure.TaskName);
            var quarantine = await context.CallWorkflowActivityAsync<QuarantineInput, QuarantineResult>(
                nameof(QuarantineActivity),
                ThisWorkflow,
                new QuarantineInput(request.DocumentId, request.Source, QuarantineReasons.ProcessingFailed,
                    failure.TaskName),
                request.Settings.Retry);
            return new IntakeResult(request.DocumentId, IntakeOutcome.Quarantined, 0,
                $"{QuarantineReasons.ProcessingFailed}:{failure.TaskName}", quarantine.QuarantineBlob, []);
        }
    }

    private static async Task<IntakeResult> ProcessAsync(TaskOrchestrationContext context, IntakeRequest request)
    {
        var settings = request.Settings;
        var preflight = await PreflightAsync(context, request);

        if (preflight.ContentChanged)
        {
            return new IntakeResult(request.DocumentId, IntakeOutcome.Superseded, 0, null, null, []);
        }

        if (preflight.Verdict != PreflightVerdict.Accepted)
        {
            var quarantine = await context.CallWorkflowActivityAsync<QuarantineInput, QuarantineResult>(
                nameof(QuarantineActivity),
                ThisWorkflow,
                new QuarantineInput(request.DocumentId, request.Source, preflight.Verdict.ToString(), preflight.Reason),
                settings.Retry);
            return new IntakeResult(request.DocumentId, IntakeOutcome.Quarantined, preflight.PageCount,
                preflight.Verdict.ToString(), quarantine.QuarantineBlob, []);
        }

        var readBatches = Enumerable.Range(1, preflight.PageCount)
            .Chunk(settings.PagesPerReadBatch)
            .Select(pages => context.CallWorkflowActivityAsync<ReadPagesInput, ReadPagesResult>(
                nameof(ReadPagesActivity),
                ThisWorkflow,
                new ReadPagesInput(request.DocumentId, request.Source, preflight.Format, pages),
                settings.Retry))
            .ToList();
        var reads = await Task.WhenAll(readBatches);
        var pageEngine = string.Join('+', reads.Select(read => read.Engine).Distinct(StringComparer.Ordinal));

        var split = await context.CallWorkflowActivityAsync<SplitInput, SplitResult>(
            nameof(SplitActivity), ThisWorkflow, new SplitInput(request.DocumentId, preflight.PageCount), settings.Retry);

        var segments = split.Segments
            .Select((segment, index) => new SegmentInput(request.DocumentId, index + 1, segment.FirstPage, segment.LastPage))
            .ToList();
        var understood = await Task.WhenAll(segments.Select(segment => UnderstandAsync(context, segment, settings)));

        var types = understood
            .Select(item => new SegmentType(item.Segment.Index, item.Segment.FirstPage, item.Segment.LastPage,
                item.Classification.Type))
            .ToList();
        var check = await context.CallWorkflowActivityAsync<CheckInput, CheckResult>(
            nameof(CheckActivity), ThisWorkflow, new CheckInput(request.DocumentId, types), settings.Retry);

        var routed = await Task.WhenAll(understood.Select((item, position) => RouteAsync(
            context, request, types[position], item, check, pageEngine)));

        await context.CallWorkflowActivityAsync<FinishInput, FinishResult>(
            nameof(FinishActivity), ThisWorkflow, new FinishInput(request.DocumentId, request.Source), settings.Retry);

        var outcome = routed.Any(document => document.IsReview) ? IntakeOutcome.NeedsReview : IntakeOutcome.Completed;
        var result = new IntakeResult(request.DocumentId, outcome, preflight.PageCount, null, null, routed);
        if (outcome != IntakeOutcome.NeedsReview || settings.Review is not { } review)
        {
            return result;
        }

        // The file is archived and every record written; what is left may wait days for people, so callers can read
        // where each document went from the custom status meanwhile.
        var awaiting = routed
            .Select(document => document.IsReview ? document with { ReviewStatus = ReviewStatuses.Awaiting } : document)
            .ToList();
        context.SetCustomStatus(IntakeProgress.For(result with { Documents = awaiting }));

        var reviewed = await Task.WhenAll(routed.Select(document => document.IsReview
            ? ReviewAsync(context, request, document, review)
            : Task.FromResult(document)));
        return result with { Documents = reviewed };
    }

    /// <summary>
    /// Puts one document in review before staff through the approval sub-orchestration and applies the verdict:
    /// approved records are released to their staff queue, rejected ones go no further.
    /// </summary>
    private static async Task<RoutedDocument> ReviewAsync(
        TaskOrchestrationContext context,
        IntakeRequest request,
        RoutedDocument document,
        ReviewSettings review)
    {
        var retry = request.Settings.Retry;
        try
        {
            var card = await context.CallWorkflowActivityAsync<RecordReviewInput, RecordReviewCard>(
                nameof(PrepareReviewActivity), ThisWorkflow, new RecordReviewInput(request.DocumentId, document.Index),
                retry);

            var approval = new ApprovalRequest(ThisWorkflow, card.RecordId, ApprovalKinds.RecordReview, card.Title,
                card.Facts, document.Confidence, card.Exceptions, card.RecordLink,
                [ApprovalDecision.Approve, ApprovalDecision.Reject], ReviewSettings.ApproverRole, review.ApproverGroup,
                review.EscalationGroup, review.Timing, retry);
            var outcome = await context.CallSubOrchestratorAsync<ApprovalOutcome>(ApprovalOrchestrator.Name, approval,
                new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-review-{document.Index:D2}" });

            var applied = await context.CallWorkflowActivityAsync<ApplyReviewInput, ApplyReviewResult>(
                nameof(ApplyReviewActivity),
                ThisWorkflow,
                new ApplyReviewInput(request.DocumentId, document.Index, outcome.Verdict, outcome.Decision,
                    outcome.DecidedBy, outcome.Comment, outcome.DecidedAt),
                retry);
            return document with { Queue = applied.Queue ?? document.Queue, ReviewStatus = applied.Status };
        }
        catch (TaskFailedException failure)
        {
            // The file is archived and the record sits in the review queue, so nothing is lost; the failed step is
            // audited with each attempt and named here for staff to follow up.
            var logger = context.CreateReplaySafeLogger(typeof(RecordsIntakeOrchestrator));
            Logs.ReviewStepExhausted(logger, context.InstanceId, document.Index, failure.TaskName);
            return document with { ReviewStatus = $"{ReviewStatuses.Failed}:{failure.TaskName}" };
        }
    }

    private static async Task<PreflightResult> PreflightAsync(TaskOrchestrationContext context, IntakeRequest request)
    {
        var settings = request.Settings;
        var input = new PreflightInput(request.DocumentId, request.Source);

        for (var check = 1; ; check++)
        {
            var preflight = await context.CallWorkflowActivityAsync<PreflightInput, PreflightResult>(
                nameof(PreflightActivity), ThisWorkflow, input, settings.Retry);

            // A scanner may create the blob empty and write it a moment later; that write arrives as a new
            // delivery with its own content hash, which this instance then sees as changed content.
            var mayStillBeWritten = preflight.Verdict == PreflightVerdict.Empty && check < settings.EmptyFileChecks;
            if (preflight.ContentChanged || !mayStillBeWritten)
            {
                return preflight;
            }

            await context.CreateTimer(context.CurrentUtcDateTime.Add(settings.EmptyFileGrace), CancellationToken.None);
        }
    }

    private static async Task<UnderstoodSegment> UnderstandAsync(
        TaskOrchestrationContext context,
        SegmentInput segment,
        IntakeSettings settings)
    {
        var classification = await context.CallWorkflowActivityAsync<SegmentInput, ClassifyResult>(
            nameof(ClassifyActivity), ThisWorkflow, segment, settings.Retry);
        var extraction = await context.CallWorkflowActivityAsync<TypedSegmentInput, ExtractResult>(
            nameof(ExtractActivity), ThisWorkflow, new TypedSegmentInput(segment, classification.Type), settings.Retry);
        return new UnderstoodSegment(segment, classification, extraction);
    }

    private static async Task<RoutedDocument> RouteAsync(
        TaskOrchestrationContext context,
        IntakeRequest request,
        SegmentType type,
        UnderstoodSegment item,
        CheckResult check,
        string pageEngine)
    {
        var summary = await context.CallWorkflowActivityAsync<TypedSegmentInput, SummarizeResult>(
            nameof(SummarizeActivity),
            ThisWorkflow,
            new TypedSegmentInput(item.Segment, item.Classification.Type),
            request.Settings.Retry);

        var segmentCheck = check.BySegment.GetValueOrDefault(item.Segment.Index) ?? SegmentCheck.None;
        IReadOnlyList<string> extraReasons = summary.ContentFiltered ? [QuarantineReasons.ContentFiltered + ":summary"] : [];

        var route = await context.CallWorkflowActivityAsync<RouteInput, RouteResult>(
            nameof(RouteActivity),
            ThisWorkflow,
            new RouteInput(request.DocumentId, request.Source, type, item.Classification, item.Extraction, segmentCheck,
                extraReasons, pageEngine),
            request.Settings.Retry);

        return new RoutedDocument(item.Segment.Index, item.Segment.FirstPage, item.Segment.LastPage,
            item.Classification.Type, item.Classification.Confidence, route.Queue, route.IsReview, route.Reasons,
            route.RecordBlob);
    }

    private sealed record UnderstoodSegment(SegmentInput Segment, ClassifyResult Classification, ExtractResult Extraction);
}
