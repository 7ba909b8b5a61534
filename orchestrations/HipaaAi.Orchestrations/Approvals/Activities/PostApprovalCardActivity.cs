using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.Approvals.Activities;

/// <summary>
/// Builds the card with fresh signed decision links, stores the approval (so a fast click finds it) and posts the
/// card to the group's channel. Throws when the channel refuses, so the durable retry and then escalation follow.
/// </summary>
public sealed class PostApprovalCardActivity(
    ApprovalStore store,
    IApprovalCardChannel channel,
    ApprovalLinkSigner signer,
    IOptions<ApprovalOptions> options,
    TimeProvider time) : IWorkflowActivity<PostApprovalCardInput, PostApprovalCardResult>
{
    public const string CardPosted = "CardPosted";
    public const string ReminderSent = "ReminderSent";
    public const string Escalated = "Escalated";

    public async Task<PostApprovalCardResult> RunAsync(
        PostApprovalCardInput input,
        ActivityExecution execution,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(execution);

        var request = input.Request;
        var baseUrl = options.Value.DecisionBaseUrl
            ?? throw new InvalidOperationException($"Setting '{ApprovalOptions.Section}:DecisionBaseUrl' is missing.");
        var linkExpiry = Earliest(time.GetUtcNow() + options.Value.LinkLifetime, input.Deadline);

        var actions = request.AllowedDecisions
            .Select(decision =>
            {
                var token = signer.Sign(input.ApprovalId, decision, request.ApproverRole, linkExpiry);
                return new ApprovalCardAction(decision, DecisionLink(baseUrl, input.ApprovalId, token), token);
            })
            .ToList();
        var card = AdaptiveCardBuilder.Build(
            new ApprovalCardContent(input.ApprovalId, request.Title, request.Workflow.ToString(), request.Kind,
                request.Facts, request.Confidence, request.Exceptions, request.RecordLink, actions,
                StageNote(input), input.Deadline),
            options.Value.ExecuteActions);
        var envelope = AdaptiveCardBuilder.Envelope(card);

        await store.SaveRequestAsync(
            new ApprovalRecord(input.ApprovalId, execution.InstanceId, request.Workflow, request.Kind, request.SubjectId,
                request.ApproverRole, request.AllowedDecisions, ApprovalStatus.Pending, input.CreatedAt, input.Deadline,
                card.ToJsonString()),
            cancellationToken).ConfigureAwait(false);
        await channel.PostAsync(new ApprovalCardPost(input.ApprovalId, input.Sequence, input.Stage.ToString(),
            input.Group, envelope), cancellationToken).ConfigureAwait(false);

        execution.ReportOutcome(
            input.Stage switch
            {
                ApprovalStage.Initial => CardPosted,
                ApprovalStage.Reminder => ReminderSent,
                _ => Escalated,
            },
            $"approval:{input.ApprovalId}:{input.Sequence}");
        return new PostApprovalCardResult(System.Text.Encoding.UTF8.GetByteCount(envelope));
    }

    /// <summary>The signed link a decision button opens: <c>{base}/{approvalId}/decision?token=…</c>.</summary>
    public static Uri DecisionLink(Uri baseUrl, string approvalId, string token)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);

        return new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}/{approvalId}/decision?token={Uri.EscapeDataString(token)}");
    }

    private static string? StageNote(PostApprovalCardInput input) => input.Stage switch
    {
        ApprovalStage.Reminder => "Reminder: this is still waiting for a decision.",
        ApprovalStage.Escalation => "Escalated: no decision came from the first approver group.",
        _ => null,
    };

    private static DateTimeOffset Earliest(DateTimeOffset first, DateTimeOffset second) => first <= second ? first : second;
}
