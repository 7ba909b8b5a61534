using HipaaAi.Shared.Samples;
using Microsoft.Extensions.Logging.Abstractions;

namespace HipaaAi.Shared.Tests.Samples;

/// <summary>Generates the default sample set once for all tests in <see cref="SampleSetTests"/>.</summary>
public sealed class SampleSetFixture : IDisposable
{
    public const int Seed = 424242;

    public SampleSetFixture()
    {
        Folder = Directory.CreateTempSubdirectory("sample-set-").FullName;
        Labels = NewSampleSet().Generate(Folder, new SampleSetOptions { Seed = Seed });
    }

    public string Folder { get; }

    public SampleLabels Labels { get; }

    public static SampleSet NewSampleSet() => new(TestRenderer.Create(), NullLogger<SampleSet>.Instance);

    public LabeledFile File(string name) => Labels.Files.Single(f => f.File == name);

    public byte[] Bytes(string name) => System.IO.File.ReadAllBytes(Path.Combine(Folder, name));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
