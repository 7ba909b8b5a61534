using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.Approvals.Activities;
using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Approvals;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Tests.Approvals;

/// <summary>
/// Stands in for the approval activities under their real durable names, so the real orchestrator runs on the
/// in-process host. Records every post (stage and group) and every close.
/// </summary>
internal sealed class FakeApprovalActivities
{
    public ConcurrentQueue<PostApprovalCardInput> Posts { get; } = new();

    public ConcurrentQueue<CloseApprovalInput> Closes { get; } = new();

    /// <summary>Groups whose channel refuses every post.</summary>
    public HashSet<string> UnreachableGroups { get; } = new(StringComparer.Ordinal);

    /// <summary>What the store says stands when the orchestrator closes an approval on timeout.</summary>
    public StoredDecision? StandingAtClose { get; set; }

    public IReadOnlyList<(ApprovalStage Stage, string Group)> Delivered =>
        [.. Posts.Where(post => !UnreachableGroups.Contains(post.Group)).Select(post => (post.Stage, post.Group))];

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<ApprovalRequest, ApprovalOutcome>(ApprovalOrchestrator.Name, ApprovalOrchestrator.RunAsync);
        registry.AddActivityFunc<ActivityRequest<PostApprovalCardInput>, PostApprovalCardResult>(
            nameof(PostApprovalCardActivity), (_, request) =>
            {
                Posts.Enqueue(request.Input);
                if (UnreachableGroups.Contains(request.Input.Group))
                {
                    throw new TeamsPostException(503);
                }

                return new PostApprovalCardResult(2048);
            });
        registry.AddActivityFunc<ActivityRequest<CloseApprovalInput>, CloseApprovalResult>(
            nameof(CloseApprovalActivity), (_, request) =>
            {
                Closes.Enqueue(request.Input);
                return new CloseApprovalResult(request.Input.Verdict == ApprovalVerdict.Decided ? null : StandingAtClose);
            });
    }

    public async Task<string> FirstApprovalIdAsync(CancellationToken token)
    {
        while (true)
        {
            if (Posts.TryPeek(out var post))
            {
                return post.ApprovalId;
            }

            await Task.Delay(20, token);
        }
    }
}
