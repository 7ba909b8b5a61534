using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.BillingReview.Activities;
using HipaaAi.Orchestrations.BillingReview.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Billing;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.BillingReview;

/// <summary>
/// Reviews one claim file before submission: parse (a malformed file is quarantined with the parser's reason), then
/// per claim in parallel: standard checks, documentation against the visit's note, the findings report, billing staff
/// review through <see cref="ApprovalOrchestrator"/> when a finding reaches the threshold, and release to the outbox.
/// Clean claims pass straight through. Deterministic; carries blob names, indexes and counts, never claim content.
/// </summary>
public static class BillingReviewOrchestrator
{
    public const string Name = nameof(BillingReviewOrchestrator);

    public const string ApproverRole = "BillingReviewer";
    public const string ApproverGroup = "BillingReviewers";
    public const string EscalationGroup = "BillingSupervisors";

    private const Workflow ThisWorkflow = Workflow.BillingReview;

    public static async Task<BillingResult> RunAsync(TaskOrchestrationContext context, BillingRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);

        var logger = context.CreateReplaySafeLogger(typeof(BillingReviewOrchestrator));
        try
        {
            var result = await ProcessAsync(context, request);
            var reviewed = result.Claims.Count(claim => claim.StaffReviewed);
            BillingLogs.FileFinished(logger, context.InstanceId, result.Outcome, result.Claims.Count, reviewed);
            return result;
        }
        catch (TaskFailedException failure)
        {
            // Every step already retried: the file goes to quarantine naming the step that gave up, never silence.
            BillingLogs.StepExhausted(logger, context.InstanceId, failure.TaskName);
            var reason = $"{QuarantineReasons.ProcessingFailed}:{failure.TaskName}";
            var quarantine = await QuarantineAsync(context, request, QuarantineReasons.ProcessingFailed,
                failure.TaskName);
            return new BillingResult(request.FileId, ClaimFileOutcome.Quarantined, null, reason,
                quarantine.QuarantineBlob, []);
        }
    }

    private static async Task<BillingResult> ProcessAsync(TaskOrchestrationContext context, BillingRequest request)
    {
        var parsed = await context.CallWorkflowActivityAsync<ParseClaimsInput, ParseClaimsResult>(
            nameof(ParseClaimsActivity), ThisWorkflow, new ParseClaimsInput(request.FileId, request.Source),
            request.Settings.Retry);

        if (!parsed.Accepted)
        {
            var reason = parsed.Reason ?? BillingReasons.MalformedClaimFile;
            var quarantine = await QuarantineAsync(context, request, reason, parsed.Detail);
            return new BillingResult(request.FileId, ClaimFileOutcome.Quarantined, parsed.Format, reason,
                quarantine.QuarantineBlob, []);
        }

        var claims = await Task.WhenAll(parsed.Claims.Select(claim => ReviewClaimAsync(context, request, claim)));

        await context.CallWorkflowActivityAsync<FinishClaimFileInput, FinishClaimFileResult>(
            nameof(FinishClaimFileActivity), ThisWorkflow, new FinishClaimFileInput(request.FileId, request.Source),
            request.Settings.Retry);

        return new BillingResult(request.FileId, ClaimFileOutcome.Completed, parsed.Format, null, null, claims);
    }

    private static async Task<ClaimResult> ReviewClaimAsync(
        TaskOrchestrationContext context,
        BillingRequest request,
        ClaimWork claim)
    {
        var settings = request.Settings;
        var step = new ClaimStepInput(request.FileId, claim.Index, claim.ClaimBlob);

        // The checks and the note look-up read the same stored claim and do not depend on each other.
        var checks = context.CallWorkflowActivityAsync<ClaimStepInput, FindingsStored>(
            nameof(CheckClaimActivity), ThisWorkflow, step, settings.Retry);
        var documentation = context.CallWorkflowActivityAsync<ClaimStepInput, DocumentationStored>(
            nameof(CheckDocumentationActivity), ThisWorkflow, step, settings.Retry);
        await Task.WhenAll(checks, documentation);

        var report = await context.CallWorkflowActivityAsync<WriteReportInput, ReportWritten>(
            nameof(WriteFindingsReportActivity), ThisWorkflow,
            new WriteReportInput(request.FileId, claim.Index, claim.ClaimBlob, settings.StaffReviewThreshold),
            settings.Retry);

        if (!report.NeedsStaffReview)
        {
            var clean = await ReleaseAsync(context, request, claim, ReleaseKind.AsReceived, null);
            return Result(claim, report, staffReviewed: false, decision: null, clean);
        }

        var outcome = await context.CallSubOrchestratorAsync<ApprovalOutcome>(
            ApprovalOrchestrator.Name,
            ApprovalRequestFor(request, claim, report),
            new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-review-{claim.Index:D3}" });

        var decision = outcome.Decision?.ToString() ?? outcome.Verdict.ToString();
        var release = outcome.Decision switch
        {
            ApprovalDecision.Approve => await ReleaseAsync(context, request, claim, ReleaseKind.AsReceived,
                outcome.DecidedBy),
            ApprovalDecision.EditAndApprove => await ReleaseAsync(context, request, claim, ReleaseKind.Corrected,
                outcome.DecidedBy),
            ApprovalDecision.Reject => new ReleaseResult(ClaimOutcome.Rejected, null, null),
            _ => new ReleaseResult(ClaimOutcome.Held, null, outcome.Verdict.ToString()),
        };
        return Result(claim, report, staffReviewed: true, decision, release);
    }

    /// <summary>
    /// The card shows the minimum necessary: the claim's position in its file, its type, line count and the rules
    /// that fired with their counts. Evidence (which may quote the note) stays in the report behind the link.
    /// </summary>
    private static ApprovalRequest ApprovalRequestFor(BillingRequest request, ClaimWork claim, ReportWritten report)
    {
        var rules = string.Join(", ", report.FindingsByRule.Select(rule => $"{rule.Key} x{rule.Value}"));
        IReadOnlyList<ApprovalFact> facts =
        [
            new("Claim", $"claim {claim.Index} of file {request.FileId[..12]}"),
            new("Type", $"{(claim.Kind == ClaimKind.Professional ? "837P" : "837I")}, {claim.LineCount} lines"),
            new("Findings", $"{report.FindingCount} (highest {report.Highest})"),
            new("Rules", rules.Length <= 160 ? rules : rules[..157] + "..."),
        ];
        var exceptions = report.FindingsByRule.Keys.Take(12).ToList();
        return new ApprovalRequest(
            ThisWorkflow,
            $"{request.FileId}/claim-{claim.Index:D3}",
            ApprovalKinds.BillingFinding,
            "Review billing findings before the claim is submitted",
            facts,
            null,
            exceptions,
            new Uri(request.StorageBase, report.SummaryBlob),
            [ApprovalDecision.Approve, ApprovalDecision.EditAndApprove, ApprovalDecision.Reject],
            ApproverRole,
            ApproverGroup,
            EscalationGroup,
            request.Settings.Approval,
            request.Settings.Retry);
    }

    private static Task<ReleaseResult> ReleaseAsync(TaskOrchestrationContext context, BillingRequest request,
        ClaimWork claim, ReleaseKind kind, string? decidedBy) =>
        context.CallWorkflowActivityAsync<ReleaseClaimInput, ReleaseResult>(
            nameof(ReleaseClaimActivity), ThisWorkflow,
            new ReleaseClaimInput(request.FileId, claim.Index, claim.ClaimBlob, kind, decidedBy),
            request.Settings.Retry);

    private static Task<QuarantineResult> QuarantineAsync(TaskOrchestrationContext context, BillingRequest request,
        string reason, string? detail) =>
        context.CallWorkflowActivityAsync<QuarantineInput, QuarantineResult>(
            nameof(QuarantineActivity), ThisWorkflow,
            new QuarantineInput(request.FileId, request.Source, reason, detail),
            request.Settings.Retry);

    private static ClaimResult Result(ClaimWork claim, ReportWritten report, bool staffReviewed, string? decision,
        ReleaseResult release) =>
        new(claim.Index, claim.Kind, claim.LineCount, report.FindingCount, report.Highest, report.FindingsByRule,
            staffReviewed, decision, release.Outcome, report.ReportBlob, release.OutboxBlob);
}
