using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.Understanding;

namespace HipaaAi.Orchestrations.Common;

/// <summary>The staff queues the product writes to, as the routing configuration names them.</summary>
public static class ProductQueues
{
    public static IReadOnlyList<string> From(RoutingRules routing)
    {
        ArgumentNullException.ThrowIfNull(routing);

        return Enum.GetValues<DocumentType>()
            .Select(routing.QueueFor)
            .Append(routing.DefaultQueue)
            .Append(routing.ReviewQueue)
            .Concat(PriorAuthQueues.All)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
