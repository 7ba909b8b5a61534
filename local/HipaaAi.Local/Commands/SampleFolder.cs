using HipaaAi.Shared.Samples;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Local.Commands;

/// <summary>Writes the product's generated sample set, or reuses one already written with the same seed.</summary>
public static class SampleFolder
{
    public const string LabelsFileName = SampleLabels.FileName;

    public static string Ensure(string folder, int seed, bool includeBenchmarkFax)
    {
        var labelsPath = Path.Combine(folder, LabelsFileName);
        if (File.Exists(labelsPath))
        {
            var existing = SampleLabels.Load(labelsPath);
            var hasBenchmark = existing.Files.Any(file => file.Kind == SampleKind.Benchmark);
            if (existing.Seed == seed && hasBenchmark == includeBenchmarkFax)
            {
                return folder;
            }

            Directory.Delete(folder, recursive: true);
        }

        Generate(folder, seed, includeBenchmarkFax);
        return folder;
    }

    public static SampleLabels Generate(string folder, int seed, bool includeBenchmarkFax)
    {
        var renderer = new SampleRenderer(Options.Create(new SampleRenderingOptions()),
            NullLogger<SampleRenderer>.Instance);
        var set = new SampleSet(renderer, NullLogger<SampleSet>.Instance);
        return set.Generate(folder, new SampleSetOptions { Seed = seed, IncludeBenchmarkFax = includeBenchmarkFax });
    }

    public static int Write(string folder, int seed, bool includeBenchmarkFax, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);

        var labels = Generate(folder, seed, includeBenchmarkFax);
        output.WriteLine($"Wrote {labels.Files.Count} sample files and {LabelsFileName} to {folder}");
        return 0;
    }
}
