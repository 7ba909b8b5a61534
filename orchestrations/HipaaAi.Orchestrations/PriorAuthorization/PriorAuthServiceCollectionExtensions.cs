using HipaaAi.Orchestrations.PriorAuthorization.Activities;
using HipaaAi.Orchestrations.PriorAuthorization.Trigger;
using HipaaAi.Shared.PriorAuthorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.PriorAuthorization;

/// <summary>
/// The prior-authorization services: payer criteria from <c>PriorAuth:CriteriaDirectory</c>, the case record, the
/// starter, and the submission channel (<c>PriorAuth:Submission:Channel</c>; <c>Outbox</c> is the one built in: a
/// fax or portal service reads the outbox and writes the payer's answers back).
/// </summary>
public static class PriorAuthServiceCollectionExtensions
{
    public static IServiceCollection AddPriorAuthorization(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PriorAuthOptions>().Bind(configuration.GetSection(PriorAuthOptions.Section));
        services.TryAddSingleton(provider => PayerCriteriaCatalog.LoadDirectory(
            provider.GetRequiredService<IOptions<PriorAuthOptions>>().Value.ResolveCriteriaDirectory()));
        services.TryAddSingleton<CaseStatusRecord>();
        services.TryAddSingleton<LocalPayerPortal>();
        services.TryAddSingleton<PriorAuthStarter>();

        var channel = configuration[$"{PriorAuthOptions.Section}:Submission:Channel"] ?? "Outbox";
        if (channel != "Outbox")
        {
            throw new InvalidOperationException($"PriorAuth:Submission:Channel must be 'Outbox', not '{channel}'.");
        }

        services.TryAddSingleton<IPriorAuthSubmissionAdapter, OutboxSubmissionAdapter>();
        return services;
    }
}
