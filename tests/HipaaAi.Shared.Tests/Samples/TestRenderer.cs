using HipaaAi.Shared.Samples;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Samples;

/// <summary>A renderer with default options and simple page texts written for tests.</summary>
internal static class TestRenderer
{
    public static SampleRenderer Create() =>
        new(Options.Create(new SampleRenderingOptions()), NullLogger<SampleRenderer>.Instance);

    public static IReadOnlyList<string> Pages(int count) =>
        Enumerable.Range(1, count)
            .Select(page => $"TEST PAGE {page}\nAlpha bravo charlie delta echo foxtrot.\nLine three of page {page}.")
            .ToList();
}
