using System.Diagnostics;
using System.Globalization;
using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Dictation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Word error rate and real-time factor (processing time / audio length) of the configured speech engine on the
/// generated dictations, through the same preparation and splitting as the workflow. Prints figures; asserts nothing.
/// </summary>
public static class DictationBenchCommand
{
    public static async Task<int> RunAsync(CommandLine options, LocalPaths paths, TextWriter output, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var input = options.Value("input") ?? Path.Combine(paths.StateRoot, "dictation-samples");
        if (!File.Exists(Path.Combine(input, DictationSampleSet.LabelsFileName)))
        {
            await DictationSampleSet.GenerateAsync(input, includeLong: true, token).ConfigureAwait(false);
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddEnvironmentVariables("HIPAAAI_")
            .Build();
        await using var services = new ServiceCollection().AddDictationEngines(configuration).BuildServiceProvider();
        var transcriber = services.GetRequiredService<ISpeechTranscriber>();
        var preparer = services.GetRequiredService<AudioPreparer>();
        var transcription = services.GetRequiredService<DictationTranscription>();

        await output.WriteLineAsync($"Engine: {transcriber.Engine}{(transcriber.LowConfidence ? " (low confidence)" : "")}")
            .ConfigureAwait(false);
        await output.WriteLineAsync($"{"Recording",-34} {"Audio s",8} {"Process s",9} {"RTF",6} {"Words",6} {"WER",7}")
            .ConfigureAwait(false);

        int totalErrors = 0, totalWords = 0;
        double totalAudio = 0, totalProcessing = 0;
        foreach (var sample in DictationSampleSet.ReadLabels(input).Where(label => label.ReferenceText.Length > 0))
        {
            var work = Directory.CreateTempSubdirectory("hipaaai-bench-");
            try
            {
                var clock = Stopwatch.StartNew();
                var canonical = Path.Combine(work.FullName, "canonical.wav");
                var inspection = await preparer.PrepareAsync(Path.Combine(input, sample.FileName), canonical, token)
                    .ConfigureAwait(false);
                if (!inspection.IsAccepted)
                {
                    await output.WriteLineAsync($"{sample.FileName,-34} not accepted: {inspection.Verdict}")
                        .ConfigureAwait(false);
                    continue;
                }

                var transcript = await transcription.TranscribeAsync(canonical, token).ConfigureAwait(false);
                var elapsed = clock.Elapsed.TotalSeconds;
                var (errors, words) = WordErrorRate.Count(sample.ReferenceText, transcript.Text);
                (totalErrors, totalWords) = (totalErrors + errors, totalWords + words);
                (totalAudio, totalProcessing) = (totalAudio + transcript.Duration.TotalSeconds, totalProcessing + elapsed);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{sample.FileName,-34} {transcript.Duration.TotalSeconds,8:F1} {elapsed,9:F1} " +
                    $"{elapsed / transcript.Duration.TotalSeconds,6:F2} {words,6} {(double)errors / words,7:P1}"))
                    .ConfigureAwait(false);
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }

        if (totalWords > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{"All",-34} {totalAudio,8:F1} {totalProcessing,9:F1} {totalProcessing / totalAudio,6:F2} " +
                $"{totalWords,6} {(double)totalErrors / totalWords,7:P1}")).ConfigureAwait(false);
        }

        return 0;
    }
}
