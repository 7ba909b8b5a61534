using System.Collections.Concurrent;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Ai;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HipaaAi.Orchestrations.Tests.Common;

public sealed class AuditedActivityInvokerTests
{
    private const string Instance = "intake-0123";

    [Fact]
    public async Task InvokeAsync_ActivitySucceedsAfterAModelCall_AuditsTheCallAndTheStepWithItsOutcome()
    {
        // Arrange
        var (invoker, sink) = Build(new ProbeActivity(_ => "answered"));

        // Act
        var output = await Invoke(invoker, new Probe("doc-1", CallModel: true), attempt: 2);

        // Assert
        Assert.Equal("answered", output);
        var events = sink.Events.ToList();
        Assert.Equal([AuditActions.ModelCall, AuditActions.ActivityCompleted], events.Select(e => e.Action));
        var step = events[^1];
        Assert.Equal((Instance, nameof(ProbeActivity), 2, "doc-1", "test-service", "Probed"),
            (step.InstanceId, step.Activity, step.Attempt, step.Subject, step.Actor, step.Outcome));
        Assert.Equal(("azure-openai", "chat", 120, 30), (events[0].AiService, events[0].Deployment,
            events[0].RequestCharacters, events[0].ResponseCharacters));
        Assert.All(events, e => Assert.Equal(RetentionClasses.For(Workflow.BillingReview), e.RetentionClass));
    }

    [Fact]
    public async Task InvokeAsync_ActivityThrows_AuditsTheFailureByTypeOnlyAndRethrows()
    {
        // Arrange: the message carries content, as exception messages may.
        var (invoker, sink) = Build(new ProbeActivity(_ => throw new InvalidOperationException("Jane Doe, MRN 123")));

        // Act
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Invoke(invoker, new Probe("doc-2", CallModel: false), attempt: 1));

        // Assert
        Assert.Equal("Jane Doe, MRN 123", failure.Message);
        var step = Assert.Single(sink.Events);
        Assert.Equal((AuditActions.ActivityFailed, AuditOutcomes.Failed, nameof(InvalidOperationException)),
            (step.Action, step.Outcome, step.Detail));
    }

    [Fact]
    public async Task InvokeAsync_AuditSinkDown_FailsTheCallSoTheRetryDeliversTheEvents()
    {
        // Arrange
        var (invoker, sink) = Build(new ProbeActivity(_ => "done"));
        sink.Down = true;

        // Act and assert
        await Assert.ThrowsAsync<AuditDeliveryException>(
            () => Invoke(invoker, new Probe("doc-3", CallModel: false), attempt: 1));
    }

    private static Task<string> Invoke(AuditedActivityInvoker invoker, Probe probe, int attempt) =>
        invoker.InvokeAsync<ProbeActivity, Probe, string>(nameof(ProbeActivity), Instance,
            new ActivityRequest<Probe>(Workflow.BillingReview, attempt, probe), CancellationToken.None);

    private static (AuditedActivityInvoker Invoker, RecordingSink Sink) Build(ProbeActivity activity)
    {
        var sink = new RecordingSink();
        var services = new ServiceCollection().AddSingleton(activity).BuildServiceProvider();
        var invoker = new AuditedActivityInvoker(services, sink, new ServiceIdentity("test-service"), TimeProvider.System,
            NullLogger<AuditedActivityInvoker>.Instance);
        return (invoker, sink);
    }

    private sealed record Probe(string Subject, bool CallModel) : IAuditSubject
    {
        public string AuditSubject => Subject;
    }

    private sealed class ProbeActivity(Func<Probe, string> answer) : IWorkflowActivity<Probe, string>
    {
        public Task<string> RunAsync(Probe input, ActivityExecution execution, CancellationToken cancellationToken)
        {
            if (input.CallModel)
            {
                new ScopedModelCallRecorder().Record(new ModelCall("azure-openai", "chat", "gpt-4o", "classify", 120, 30,
                    40, 10, AuditOutcomes.Succeeded, TimeSpan.FromMilliseconds(5)));
            }

            var output = answer(input);
            execution.ReportOutcome("Probed", null);
            return Task.FromResult(output);
        }
    }

    private sealed class RecordingSink : IAuditSink
    {
        public ConcurrentQueue<AuditEvent> Events { get; } = new();

        public bool Down { get; set; }

        public Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new AuditDeliveryException("Custom-AuditBillingReview_CL", 503, events);
            }

            foreach (var auditEvent in events)
            {
                Events.Enqueue(auditEvent);
            }

            return Task.CompletedTask;
        }
    }
}
