using System.ComponentModel;
using System.Diagnostics;

namespace HipaaAi.Shared.Reading;

/// <summary>The captured result of one finished process.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>A command-line tool this reader runs, with the apt package that provides it.</summary>
internal sealed record ExternalTool(string Name, string FileName, string AptPackage)
{
    /// <summary>
    /// Runs the tool with arguments passed one by one (no shell, no quoting), reads both output streams as they
    /// arrive so a full pipe never blocks the child, and stops the process tree on timeout or cancellation.
    /// </summary>
    public async Task<ToolResult> RunAsync(
        IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);

        // Tesseract's OpenMP threads do not speed up one page; pages run in parallel instead.
        startInfo.Environment["OMP_THREAD_LIMIT"] = "1";

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new OcrSetupException(Name, AptPackage, exception);
        }

        var standardOutput = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var standardError = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            StopTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new OcrProcessException(Name, null, $"{Name} did not finish within {timeout.TotalSeconds:0} s");
        }

        return new ToolResult(
            process.ExitCode,
            await standardOutput.ConfigureAwait(false),
            await standardError.ConfigureAwait(false));
    }

    private static void StopTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill.
        }
    }
}
