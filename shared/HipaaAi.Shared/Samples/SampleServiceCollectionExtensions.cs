using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Samples;

/// <summary>Registers the sample renderer and the sample-set writer.</summary>
public static class SampleServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SampleRenderer"/> and <see cref="SampleSet"/> as singletons, with
    /// <see cref="SampleRenderingOptions"/> bound from the <c>Samples</c> configuration section.
    /// </summary>
    public static IServiceCollection AddSamples(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<SampleRenderingOptions>()
            .Bind(configuration.GetSection(SampleRenderingOptions.SectionName))
            .Validate(o => o.RasterDpi is >= 72 and <= 600, "Samples:RasterDpi must be between 72 and 600.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.PdftoppmPath), "Samples:PdftoppmPath must be set.")
            .Validate(o => o.ToolTimeout > TimeSpan.Zero, "Samples:ToolTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SampleRenderer>();
        services.AddSingleton<SampleSet>();
        return services;
    }
}
