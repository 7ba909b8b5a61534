using Microsoft.Azure.Functions.Worker;

namespace HipaaAi.Functions.Hosting;

internal static class FunctionContextExtensions
{
    /// <summary>The orchestration instance an activity runs for, from the durable binding data.</summary>
    public static string InstanceId(this FunctionContext context) =>
        context.BindingContext.BindingData.TryGetValue("instanceId", out var value) && value is string instanceId
            ? instanceId
            : throw new InvalidOperationException("The activity invocation carries no orchestration instance id.");
}
