using HipaaAi.Orchestrations.BillingReview.Trigger;
using HipaaAi.Shared.Billing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HipaaAi.Orchestrations.BillingReview;

/// <summary>Registers billing review: the checks (tables loaded once), the workflow options and the starter.</summary>
public static class BillingWorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddBillingWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddBillingReview(configuration);
        services.AddOptions<BillingWorkflowOptions>().Bind(configuration.GetSection(BillingWorkflowOptions.Section));
        services.TryAddSingleton<BillingReviewStarter>();
        return services;
    }
}
