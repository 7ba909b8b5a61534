using HipaaAi.Shared.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Reading;

/// <summary>Registers preflight and on-machine page reading (the embedded default, where PHI never leaves the host).</summary>
public static class LocalDocumentReadingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDocumentInspector"/> with <see cref="PreflightLimits"/> (section <c>Preflight</c>) and
    /// <see cref="IPageReader"/> backed by Tesseract and PdfPig with <see cref="LocalOcrOptions"/> (section
    /// <c>LocalOcr</c>). Invalid settings fail when the host starts.
    /// </summary>
    public static IServiceCollection AddLocalDocumentReading(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PreflightLimits>()
            .Bind(configuration.GetSection(PreflightLimits.SectionName))
            .Validate(IsValid, "Preflight limits are out of range.")
            .ValidateOnStart();
        services.AddOptions<LocalOcrOptions>()
            .Bind(configuration.GetSection(LocalOcrOptions.SectionName))
            .Validate(IsValid, "LocalOcr settings are out of range.")
            .ValidateOnStart();

        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PreflightLimits>>().Value);
        services.AddSingleton<IDocumentInspector, DocumentInspector>();
        services.AddSingleton<IPageReader, LocalPageReader>();
        return services;
    }

    private static bool IsValid(PreflightLimits limits) => Succeeds(limits.Validate);

    private static bool IsValid(LocalOcrOptions options) => Succeeds(options.Validate);

    private static bool Succeeds(Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
