using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace HipaaAi.Bicep.Tests;

/// <summary>Result of one bicep CLI run.</summary>
public sealed record BicepRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Lines in which bicep reports a warning or an error (linter rules and BCP diagnostics alike).</summary>
    public IReadOnlyList<string> Diagnostics =>
        $"{StandardOutput}\n{StandardError}"
            .Split('\n')
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    public override string ToString()
    {
        var output = StandardOutput[..Math.Min(StandardOutput.Length, Shown)];
        return $"bicep {Arguments} exited {ExitCode}\n{StandardError}\n{output}";
    }

    private const int Shown = 4000;

    private static Regex DiagnosticLine() => new(@"\) : (Warning|Error) ", RegexOptions.CultureInvariant);
}

/// <summary>Runs the bicep binary from the Azure.Bicep.CommandLine NuGet package.</summary>
public static class BicepCli
{
    /// <summary>The repository's bicep folder.</summary>
    public static string SourceFolder { get; } = Metadata("BicepFolder");

    /// <summary>The repository root, parent of the bicep folder.</summary>
    public static string RepositoryFolder { get; } = Path.GetDirectoryName(SourceFolder)!;

    /// <summary>The bicep binary of the NuGet package.</summary>
    public static string Executable { get; } = Metadata("BicepPath").Replace('\\', '/');

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The parameter files read this switch; the tests must see the committed defaults, whatever the shell says.
        startInfo.Environment.Remove("INTAKE_EVENTS_ENABLED");
        startInfo.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        return new BicepRun(string.Join(' ', arguments), process.ExitCode, await output, await error);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
