namespace HipaaAi.Orchestrations.Common;

/// <summary>An activity input that names the opaque subject (a document or record id) its audit events refer to.</summary>
public interface IAuditSubject
{
    string AuditSubject { get; }
}

/// <summary>
/// One unit of durable work. Implementations do the I/O and throw on failure; they never audit themselves, because
/// <see cref="AuditedActivityInvoker"/> audits every call the same way.
/// </summary>
public interface IWorkflowActivity<TInput, TOutput>
    where TInput : IAuditSubject
{
    Task<TOutput> RunAsync(TInput input, ActivityExecution execution, CancellationToken cancellationToken);
}
