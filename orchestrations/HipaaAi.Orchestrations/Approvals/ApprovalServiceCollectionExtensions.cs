using Azure.Core;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.Approvals;

/// <summary>Registers the approval mechanism: options, store, link signer, card channel and decision service.</summary>
public static class ApprovalServiceCollectionExtensions
{
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ApprovalOptions>()
            .Bind(configuration.GetSection(ApprovalOptions.Section))
            .Validate(options => options.Channel is ApprovalChannels.Teams or ApprovalChannels.Local,
                $"{ApprovalOptions.Section}:Channel must be '{ApprovalChannels.Teams}' or '{ApprovalChannels.Local}'.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ApprovalStore(
            ApprovalStore.CreateService(configuration, provider.GetRequiredService<TokenCredential>(),
                StorageNames.Connection),
            provider.GetRequiredService<IOptions<ApprovalOptions>>()));
        services.TryAddSingleton<ApprovalLinkSigner>();
        services.TryAddSingleton<ApprovalDecisionService>();

        var channel = configuration[$"{ApprovalOptions.Section}:Channel"] ?? ApprovalChannels.Teams;
        if (channel == ApprovalChannels.Local)
        {
            services.TryAddSingleton<IApprovalCardChannel>(provider => new LocalReviewChannel(
                provider.GetRequiredService<ApprovalStore>(),
                provider.GetRequiredService<ILogger<LocalReviewChannel>>()));
        }
        else
        {
            // The durable retry of the activity is the retry policy; the client itself only times out.
            services.AddHttpClient<IApprovalCardChannel, TeamsWebhookPoster>(http => http.Timeout = TimeSpan.FromSeconds(30));
        }

        return services;
    }
}
