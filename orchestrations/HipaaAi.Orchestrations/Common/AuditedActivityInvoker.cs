using System.Diagnostics;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Orchestrations.Common;

/// <summary>
/// The one way an activity runs, in both hosts: resolve it, run it inside a model-call scope, and write its audit
/// events (the outcome of the step and one event per model call) before returning. If the audit sink cannot take the
/// events the call fails, so durable retries deliver them rather than the step completing unaudited.
/// </summary>
public sealed class AuditedActivityInvoker(
    IServiceProvider services,
    IAuditSink auditSink,
    ServiceIdentity identity,
    TimeProvider timeProvider,
    ILogger<AuditedActivityInvoker> logger)
{
    public async Task<TOutput> InvokeAsync<TActivity, TInput, TOutput>(
        string activityName,
        string instanceId,
        ActivityRequest<TInput> request,
        CancellationToken cancellationToken)
        where TActivity : IWorkflowActivity<TInput, TOutput>
        where TInput : IAuditSubject
    {
        ArgumentNullException.ThrowIfNull(request);

        var execution = new ActivityExecution(instanceId, activityName, request.Workflow, request.Attempt);
        var activity = services.GetRequiredService<TActivity>();
        var started = timeProvider.GetTimestamp();
        Logs.ActivityStarting(logger, instanceId, activityName, request.Attempt);

        using var scope = ModelCallScope.Begin();
        using var span = WorkflowTelemetry.StartActivityCall(execution, request.Input.AuditSubject);
        try
        {
            var output = await activity.RunAsync(request.Input, execution, cancellationToken).ConfigureAwait(false);
            var elapsed = timeProvider.GetElapsedTime(started);
            await WriteAsync(execution, request.Input.AuditSubject, scope.Calls, elapsed, failure: null, cancellationToken)
                .ConfigureAwait(false);
            Logs.ActivityCompleted(logger, instanceId, activityName, execution.Outcome, elapsed.TotalMilliseconds);
            WorkflowTelemetry.EndActivityCall(span, execution, elapsed, failure: null);
            return output;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            var elapsed = timeProvider.GetElapsedTime(started);
            Logs.ActivityFailed(logger, instanceId, activityName, request.Attempt, failure.GetType().Name);
            WorkflowTelemetry.EndActivityCall(span, execution, elapsed, failure);
            await WriteAsync(execution, request.Input.AuditSubject, scope.Calls, elapsed, failure, CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }
    }

    private Task WriteAsync(
        ActivityExecution execution,
        string subject,
        IReadOnlyList<ModelCall> modelCalls,
        TimeSpan elapsed,
        Exception? failure,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var retentionClass = RetentionClasses.For(execution.Workflow);
        var events = new List<AuditEvent>(modelCalls.Count + 1);

        foreach (var call in modelCalls)
        {
            events.Add(new AuditEvent
            {
                Time = now,
                Workflow = execution.Workflow,
                InstanceId = execution.InstanceId,
                Activity = execution.ActivityName,
                Attempt = execution.Attempt,
                Actor = identity.Name,
                Subject = subject,
                Action = AuditActions.ModelCall,
                Outcome = call.Outcome,
                Duration = call.Duration,
                Detail = call.Operation,
                AiService = call.Service,
                Deployment = call.Deployment,
                Model = call.Model,
                InputTokens = call.InputTokens,
                OutputTokens = call.OutputTokens,
                RequestCharacters = call.RequestCharacters,
                ResponseCharacters = call.ResponseCharacters,
                RetentionClass = retentionClass,
            });
        }

        events.Add(new AuditEvent
        {
            Time = now,
            Workflow = execution.Workflow,
            InstanceId = execution.InstanceId,
            Activity = execution.ActivityName,
            Attempt = execution.Attempt,
            Actor = identity.Name,
            Subject = subject,
            Action = failure is null ? AuditActions.ActivityCompleted : AuditActions.ActivityFailed,
            Outcome = failure is null ? execution.Outcome : AuditOutcomes.Failed,
            Duration = elapsed,
            // The exception type names the failure well enough for an auditor; its message may carry content.
            Detail = failure is null ? execution.Detail : failure.GetType().Name,
            RetentionClass = retentionClass,
        });

        return auditSink.WriteAsync(events, cancellationToken);
    }
}
