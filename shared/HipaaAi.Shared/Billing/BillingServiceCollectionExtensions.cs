using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Billing;

/// <summary>Registers the billing review.</summary>
public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BillingReview"/> as a singleton, with its options bound from the <c>BillingReview</c> section,
    /// the tables loaded once, the standard <see cref="IClaimCheck"/>s (more can be added with
    /// <c>services.AddSingleton&lt;IClaimCheck, MyCheck&gt;()</c>), and the documentation check when an
    /// <see cref="IClinicalNoteSource"/> is registered.
    /// </summary>
    public static IServiceCollection AddBillingReview(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BillingReviewOptions>().Bind(configuration.GetSection(BillingReviewOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var tables = BillingTables.Load(provider.GetRequiredService<IOptions<BillingReviewOptions>>().Value);
            var logger = provider.GetRequiredService<ILogger<BillingReview>>();
            int ptpCount = tables.Ptp.Count, mueCount = tables.Mue.Count, payerCount = tables.PayerRules.Payers.Count;
            Logs.TablesLoaded(logger, ptpCount, mueCount, payerCount, tables.PtpSource, tables.MueSource);
            return tables;
        });

        services.AddSingleton<IClaimCheck, CodeSetCheck>();
        services.AddSingleton<IClaimCheck>(provider => new NcciCheck(
            provider.GetRequiredService<BillingTables>().Ptp, provider.GetRequiredService<BillingTables>().Mue,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IClaimCheck>(provider => new ModifierCheck(
            provider.GetRequiredService<IOptions<BillingReviewOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IClaimCheck>(provider =>
            new PayerRuleCheck(provider.GetRequiredService<BillingTables>().PayerRules));

        services.TryAddSingleton(provider => new BillingReview(
            provider.GetServices<IClaimCheck>(),
            provider.GetService<IClinicalNoteSource>() is { } notes
                ? new DocumentationCheck(notes, DocumentationCheck.DefaultKeywords())
                : null,
            provider.GetRequiredService<IOptions<BillingReviewOptions>>().Value,
            provider.GetRequiredService<ILogger<BillingReview>>()));
        return services;
    }
}
