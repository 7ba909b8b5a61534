namespace HipaaAi.Shared.Compliance;

/// <summary>Renders Graphviz source to PNG with the <c>dot</c> command (Debian package <c>graphviz</c>).</summary>
public sealed class GraphvizRenderer(string dotExecutable = "dot")
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private string Missing =>
        $"Graphviz '{dotExecutable}' was not found. The evidence pack needs it to render the data-flow diagram: run " +
        "./hipaa setup (it installs the Debian package graphviz) or apt-get install graphviz.";

    /// <summary>Fails with a clear message when dot cannot run, before anything is written.</summary>
    public async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        var result = await ToolProcess.RunAsync(dotExecutable, ["-V"], Environment.CurrentDirectory, Missing, Timeout,
            cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ComplianceToolException(Missing);
        }
    }

    public async Task RenderPngAsync(string dotFile, string pngFile, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(dotFile))!;
        var result = await ToolProcess.RunAsync(dotExecutable, ["-Tpng", "-o", pngFile, dotFile], folder, Missing,
            Timeout, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 || !File.Exists(pngFile))
        {
            throw new ComplianceToolException($"dot could not render {Path.GetFileName(dotFile)} " +
                $"(exit {result.ExitCode}): {result.StandardError.Trim()}");
        }
    }
}
