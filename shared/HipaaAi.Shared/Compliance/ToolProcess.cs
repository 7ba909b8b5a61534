using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace HipaaAi.Shared.Compliance;

/// <summary>Runs one of the pack's command-line tools with arguments passed one by one (no shell).</summary>
internal static class ToolProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Result> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        string whenMissing,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new ComplianceToolException(whenMissing, exception);
        }

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the deadline and the kill.
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new ComplianceToolException(
                $"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return new Result(process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
