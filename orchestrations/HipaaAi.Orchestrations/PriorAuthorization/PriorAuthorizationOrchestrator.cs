using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Models;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Documents;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.PriorAuthorization;

/// <summary>
/// One prior-authorization case: gather the documents and read and classify those records intake has not (with the
/// records-intake activities themselves), judge them against the payer's configured criteria, build the packet, ask
/// staff to approve it, submit it, then watch the payer's answer on a durable timer until it is decided, escalating
/// when it stays pending too long. Carries ids, counts and codes only.
/// </summary>
public static class PriorAuthorizationOrchestrator
{
    public const string Name = nameof(PriorAuthorizationOrchestrator);

    private const Workflow ThisWorkflow = Workflow.PriorAuthorization;

    public static async Task<PriorAuthResult> RunAsync(TaskOrchestrationContext context, PriorAuthRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        var logger = context.CreateReplaySafeLogger(typeof(PriorAuthorizationOrchestrator));
        PriorAuthResult result;
        try
        {
            result = await ProcessAsync(context, request);
        }
        catch (TaskFailedException failure)
        {
            // Every step already retried; staff hear which step gave up rather than the case going silent.
            PriorAuthLogs.StepExhausted(logger, context.InstanceId, failure.TaskName);
            await NotifyAsync(context, request, StaffNoticeReasons.ProcessingFailed, [failure.TaskName]);
            result = new PriorAuthResult(request.CaseId, PriorAuthOutcome.Failed, null, 0, 0, false, [], null, null,
                false, failure.TaskName);
        }

        PriorAuthLogs.CaseFinished(logger, context.InstanceId, result.Outcome, result.CriteriaMet,
            result.CriteriaCount);
        return result;
    }

    private static async Task<PriorAuthResult> ProcessAsync(TaskOrchestrationContext context, PriorAuthRequest request)
    {
        var settings = request.Settings;
        context.SetCustomStatus("Gathering");
        var gathered = await context.CallWorkflowActivityAsync<GatherInput, GatherResult>(
            nameof(GatherDocumentsActivity), ThisWorkflow, new GatherInput(request.CaseId, request.RequestBlob),
            settings.Retry);

        var problems = gathered.Problems.ToList();
        var perSource = await Task.WhenAll(gathered.Sources.Select(source => UnderstandAsync(context, source, settings)));
        var segments = new List<CaseSegment>();
        foreach (var (source, understood) in gathered.Sources.Zip(perSource))
        {
            if (understood.Problem is { } problem)
            {
                problems.Add($"{problem}:{source.DocumentId}");
            }

            segments.AddRange(understood.Segments);
        }

        context.SetCustomStatus("Assessing");
        var assessment = await context.CallWorkflowActivityAsync<AssessInput, AssessResult>(
            nameof(AssessActivity), ThisWorkflow, new AssessInput(request.CaseId, request.RequestBlob, segments, problems),
            settings.Retry);
        var packet = await context.CallWorkflowActivityAsync<BuildPacketInput, BuildPacketResult>(
            nameof(BuildPacketActivity), ThisWorkflow, new BuildPacketInput(request.CaseId, segments), settings.Retry);

        context.SetCustomStatus(assessment.IsReady ? "AwaitingApproval:criteria met" : "AwaitingApproval:exceptions");
        var approval = await context.CallSubOrchestratorAsync<ApprovalOutcome>(
            ApprovalOrchestrator.Name,
            ApprovalFor(request, assessment, packet),
            new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-approval" });

        var result = new PriorAuthResult(request.CaseId, PriorAuthOutcome.ReturnedToStaff, assessment.CriteriaKey,
            assessment.CriteriaCount, assessment.CriteriaMet, assessment.IsReady, assessment.Exceptions,
            packet.PacketBlob, null, false, null);
        if (!approval.IsApproved)
        {
            var reason = approval.Verdict == ApprovalVerdict.Decided
                ? StaffNoticeReasons.PacketRejected
                : StaffNoticeReasons.ApprovalExpired;
            await NotifyAsync(context, request, reason, assessment.Exceptions);
            return result;
        }

        context.SetCustomStatus("Submitting");
        var submission = await context.CallWorkflowActivityAsync<SubmitPacketInput, SubmitPacketResult>(
            nameof(SubmitPacketActivity), ThisWorkflow,
            new SubmitPacketInput(request.CaseId, assessment.Payer, packet.PacketBlob, packet.SummaryBlob), settings.Retry);

        return await MonitorAsync(context, request, result with { SubmissionId = submission.SubmissionId });
    }

    /// <summary>
    /// Polls the payer on a durable timer. Pending past <see cref="PriorAuthSettings.EscalateAfter"/> escalates to
    /// staff once; pending past <see cref="PriorAuthSettings.GiveUpAfter"/> ends the watch and tells staff.
    /// </summary>
    private static async Task<PriorAuthResult> MonitorAsync(
        TaskOrchestrationContext context,
        PriorAuthRequest request,
        PriorAuthResult result)
    {
        var settings = request.Settings;
        var submittedAt = context.CurrentUtcDateTime;
        var escalated = false;
        context.SetCustomStatus("Monitoring");

        while (true)
        {
            await context.CreateTimer(context.CurrentUtcDateTime.Add(settings.PollInterval), CancellationToken.None);
            var status = await context.CallWorkflowActivityAsync<CheckStatusInput, CheckStatusResult>(
                nameof(CheckSubmissionStatusActivity), ThisWorkflow,
                new CheckStatusInput(request.CaseId, result.SubmissionId!), settings.Retry);

            switch (status.Status)
            {
                case PayerStatus.Approved:
                    await NotifyAsync(context, request, StaffNoticeReasons.PayerApproved, []);
                    return result with { Outcome = PriorAuthOutcome.PayerApproved, Escalated = escalated };
                case PayerStatus.Denied:
                    await NotifyAsync(context, request, StaffNoticeReasons.PayerDenied, []);
                    return result with { Outcome = PriorAuthOutcome.PayerDenied, Escalated = escalated };
                case PayerStatus.MoreInformationRequested:
                    await NotifyAsync(context, request, StaffNoticeReasons.MoreInformationRequested, []);
                    return result with { Outcome = PriorAuthOutcome.MoreInformationRequested, Escalated = escalated };
            }

            var pendingFor = context.CurrentUtcDateTime - submittedAt;
            if (pendingFor >= settings.GiveUpAfter)
            {
                await NotifyAsync(context, request, StaffNoticeReasons.MonitoringTimedOut, []);
                return result with { Outcome = PriorAuthOutcome.MonitoringTimedOut, Escalated = escalated };
            }

            if (!escalated && pendingFor >= settings.EscalateAfter)
            {
                await NotifyAsync(context, request, StaffNoticeReasons.PendingTooLong, []);
                escalated = true;
            }
        }
    }

    private sealed record Understood(IReadOnlyList<CaseSegment> Segments, string? Problem);

    /// <summary>
    /// Reads a source with the records-intake activities: preflight, pages, and (unless intake already did) split
    /// and classify; fields are extracted for every document so dates, codes and identity are available.
    /// </summary>
    private static async Task<Understood> UnderstandAsync(
        TaskOrchestrationContext context,
        CaseSource source,
        PriorAuthSettings settings)
    {
        var preflight = await context.CallWorkflowActivityAsync<PreflightInput, PreflightResult>(
            nameof(PreflightActivity), ThisWorkflow, new PreflightInput(source.DocumentId, source.Source), settings.Retry);
        if (preflight.ContentChanged)
        {
            return new Understood([], "DocumentChanged");
        }

        if (preflight.Verdict != PreflightVerdict.Accepted)
        {
            return new Understood([], $"DocumentUnreadable:{preflight.Verdict}");
        }

        var firstPage = Math.Clamp(source.FirstPage ?? 1, 1, preflight.PageCount);
        var lastPage = Math.Clamp(source.LastPage ?? preflight.PageCount, firstPage, preflight.PageCount);
        await Task.WhenAll(Enumerable.Range(firstPage, lastPage - firstPage + 1)
            .Chunk(settings.PagesPerReadBatch)
            .Select(pages => context.CallWorkflowActivityAsync<ReadPagesInput, ReadPagesResult>(
                nameof(ReadPagesActivity), ThisWorkflow,
                new ReadPagesInput(source.DocumentId, source.Source, preflight.Format, pages), settings.Retry)));

        var segments = new List<CaseSegment>();
        if (source.KnownType is { } knownType)
        {
            segments.Add(new CaseSegment(source.DocumentId, 1, source.Source, preflight.Format, firstPage, lastPage,
                knownType));
        }
        else
        {
            var split = await context.CallWorkflowActivityAsync<SplitInput, SplitResult>(
                nameof(SplitActivity), ThisWorkflow, new SplitInput(source.DocumentId, preflight.PageCount),
                settings.Retry);
            var index = 0;
            foreach (var part in split.Segments)
            {
                index++;
                var classification = await context.CallWorkflowActivityAsync<SegmentInput, ClassifyResult>(
                    nameof(ClassifyActivity), ThisWorkflow,
                    new SegmentInput(source.DocumentId, index, part.FirstPage, part.LastPage), settings.Retry);
                segments.Add(new CaseSegment(source.DocumentId, index, source.Source, preflight.Format, part.FirstPage,
                    part.LastPage, classification.Type));
            }
        }

        foreach (var segment in segments)
        {
            await context.CallWorkflowActivityAsync<TypedSegmentInput, ExtractResult>(
                nameof(ExtractActivity), ThisWorkflow,
                new TypedSegmentInput(new SegmentInput(segment.DocumentId, segment.Index, segment.FirstPage,
                    segment.LastPage), segment.Type),
                settings.Retry);
        }

        return new Understood(segments, null);
    }

    private static ApprovalRequest ApprovalFor(PriorAuthRequest request, AssessResult assessment, BuildPacketResult packet)
    {
        var settings = request.Settings;
        var facts = new List<ApprovalFact>
        {
            new("Payer", Fit(assessment.Payer)),
            new("Service", Fit(assessment.Service)),
            new("Criteria", assessment.CriteriaKey ?? "none configured"),
            new("Criteria met", $"{assessment.CriteriaMet} of {assessment.CriteriaCount}"),
            new("Readiness", assessment.IsReady ? "criteria met" : "exceptions"),
            new("Packet", $"{packet.PageCount} pages"),
        };
        return new ApprovalRequest(
            ThisWorkflow,
            request.CaseId,
            ApprovalKinds.PriorAuthPacket,
            assessment.IsReady ? "Approve a prior-authorization packet" : "Review a prior-authorization packet with exceptions",
            facts,
            null,
            [.. assessment.Exceptions.Take(12)],
            new Uri(settings.CaseLinkBase, request.CaseId),
            [ApprovalDecision.Approve, ApprovalDecision.Reject],
            ApproverRole: "PriorAuthCoordinator",
            ApproverGroup: "PriorAuthCoordinators",
            EscalationGroup: "PriorAuthSupervisors",
            settings.ApprovalTiming,
            settings.Retry);
    }

    // Card facts hold at most 160 characters; payer and service names come from the request message.
    private static string Fit(string value) => value.Length <= 160 ? value : value[..160];

    private static Task<NotifyStaffResult> NotifyAsync(
        TaskOrchestrationContext context,
        PriorAuthRequest request,
        string reason,
        IReadOnlyList<string> codes) =>
        context.CallWorkflowActivityAsync<NotifyStaffInput, NotifyStaffResult>(
            nameof(NotifyStaffActivity), ThisWorkflow, new NotifyStaffInput(request.CaseId, reason, codes),
            request.Settings.Retry);
}
