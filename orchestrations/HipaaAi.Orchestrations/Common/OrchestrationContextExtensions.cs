using HipaaAi.Shared.Audit;
using Microsoft.DurableTask;

namespace HipaaAi.Orchestrations.Common;

/// <summary>Calls activities the same way from every orchestrator: wrapped for audit, retried on a durable timer.</summary>
public static class OrchestrationContextExtensions
{
    /// <summary>
    /// Calls an activity, retrying failures after a durable timer. The attempt number goes with the request so the
    /// activity's audit record carries it. Throws the last <see cref="TaskFailedException"/> when all attempts fail.
    /// </summary>
    public static async Task<TOutput> CallWorkflowActivityAsync<TInput, TOutput>(
        this TaskOrchestrationContext context,
        string activityName,
        Workflow workflow,
        TInput input,
        RetryPlan retryPlan)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(retryPlan);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var request = new ActivityRequest<TInput>(workflow, attempt, input);
                return await context.CallActivityAsync<TOutput>(activityName, request);
            }
            catch (TaskFailedException) when (attempt < retryPlan.MaxAttempts)
            {
                var delay = retryPlan.DelayBefore(attempt + 1);
                await context.CreateTimer(context.CurrentUtcDateTime.Add(delay), CancellationToken.None);
            }
        }
    }
}
