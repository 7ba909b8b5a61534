namespace HipaaAi.Shared.Samples;

/// <summary>How to make a sample set. The same options always give the same files.</summary>
public sealed record SampleSetOptions
{
    public int Seed { get; init; } = 20260105;

    /// <summary>Also write a long multi-document fax for throughput benchmarks (slow to render).</summary>
    public bool IncludeBenchmarkFax { get; init; }

    public int BenchmarkPageCount { get; init; } = 200;
}
