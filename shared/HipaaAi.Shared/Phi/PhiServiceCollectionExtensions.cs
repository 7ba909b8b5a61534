using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Phi;

/// <summary>Registers the PHI boundary services.</summary>
public static class PhiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Phi</c> and registers <see cref="Pseudonymizer"/>. The host fails at start when
    /// <c>Phi:PseudonymKey</c> is missing, not base64 of 32+ bytes, or an unresolved Key Vault reference; the
    /// message names the setting.
    /// </summary>
    public static IServiceCollection AddPhiProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PhiProtectionOptions>()
            .Bind(configuration.GetSection(PhiProtectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PhiProtectionOptions>, PhiProtectionOptionsValidator>());
        services.TryAddSingleton<Pseudonymizer>();
        return services;
    }

    private sealed class PhiProtectionOptionsValidator : IValidateOptions<PhiProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, PhiProtectionOptions options)
        {
            try
            {
                options.DecodePseudonymKey();
                return ValidateOptionsResult.Success;
            }
            catch (PhiConfigurationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
