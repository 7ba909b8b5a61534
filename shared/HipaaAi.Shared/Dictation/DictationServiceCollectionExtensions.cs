using Azure.Core;
using HipaaAi.Shared.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Dictation;

/// <summary>
/// Chooses the dictation engines from configuration. Transcription: Azure OpenAI when <c>Engines:Mode</c> is
/// <c>Azure</c> and <c>AzureAi:TranscriptionDeployment</c> is set; otherwise Whisper.net when
/// <c>Dictation:WhisperModelPath</c> is set; otherwise PocketSphinx (low confidence). Drafting: Azure OpenAI in Azure
/// mode, the extractive drafter locally.
/// </summary>
public static class DictationServiceCollectionExtensions
{
    public static IServiceCollection AddDictationEngines(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var azure = string.Equals(configuration["Engines:Mode"], "Azure", StringComparison.Ordinal);
        services.TryAddSingleton(AudioLimits.Default);
        services.TryAddSingleton<AudioPreparer>();
        services.TryAddSingleton<DictationTranscription>();

        var whisperModel = configuration["Dictation:WhisperModelPath"];
        if (azure && !string.IsNullOrWhiteSpace(configuration["AzureAi:TranscriptionDeployment"]))
        {
            services.TryAddSingleton<ISpeechTranscriber>(provider => new AzureOpenAiTranscriber(
                provider.GetRequiredService<IOptions<AzureAiOptions>>().Value,
                provider.GetRequiredService<TokenCredential>(),
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(AzureAiServiceCollectionExtensions.HttpClientName),
                provider.GetRequiredService<IModelCallRecorder>()));
        }
        else if (!string.IsNullOrWhiteSpace(whisperModel))
        {
            services.TryAddSingleton<ISpeechTranscriber>(_ => new WhisperNetTranscriber(whisperModel));
        }
        else
        {
            services.TryAddSingleton<ISpeechTranscriber, PocketSphinxTranscriber>();
        }

        if (azure)
        {
            services.TryAddSingleton<IClinicalNoteDrafter>(provider =>
                new OpenAiNoteDrafter(provider.GetRequiredService<StructuredChat>()));
        }
        else
        {
            services.TryAddSingleton<IClinicalNoteDrafter, ExtractiveNoteDrafter>();
        }

        return services;
    }
}
