using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Hosting;

/// <summary>
/// The storage emulator the embedded default runs on. Reuses one already listening on the standard ports; otherwise
/// starts Azurite bound to 127.0.0.1 with its data in the project's local folder, and stops it on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const int BlobPort = 10000;
    public const int QueuePort = 10001;
    public const int TablePort = 10002;

    private readonly Process? _process;
    private readonly ILogger _logger;

    private AzuriteProcess(Process? process, ILogger logger)
    {
        _process = process;
        _logger = logger;
    }

    public bool StartedHere => _process is not null;

    public static async Task<AzuriteProcess> EnsureRunningAsync(LocalPaths paths, ILogger logger, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(paths);

        if (await IsListeningAsync(BlobPort, token).ConfigureAwait(false)
            && await IsListeningAsync(QueuePort, token).ConfigureAwait(false)
            && await IsListeningAsync(TablePort, token).ConfigureAwait(false))
        {
            LocalLogs.AzuriteReused(logger);
            return new AzuriteProcess(null, logger);
        }

        var tool = File.Exists(paths.AzuriteTool) ? paths.AzuriteTool : "azurite";
        Directory.CreateDirectory(paths.AzuriteData);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The Azure SDKs here speak a storage API version newer than Azurite knows; the check is skipped locally.
        foreach (var argument in new[]
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--location", paths.AzuriteData,
        })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                "The storage emulator Azurite is not installed. Run ./hipaa setup (it installs it under .tools/).");
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await IsListeningAsync(TablePort, token).ConfigureAwait(false)
            || !await IsListeningAsync(BlobPort, token).ConfigureAwait(false)
            || !await IsListeningAsync(QueuePort, token).ConfigureAwait(false))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException(
                    $"Azurite did not start listening on 127.0.0.1:{BlobPort}-{TablePort} (exit: {process.HasExited}).");
            }

            await Task.Delay(200, token).ConfigureAwait(false);
        }

        LocalLogs.AzuriteStarted(logger, process.Id);
        return new AzuriteProcess(process, logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited)
        {
            _process?.Dispose();
            return;
        }

        // Azurite sometimes ignores SIGTERM: ask, wait a little, then kill.
        try
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        LocalLogs.AzuriteStopped(_logger, _process.Id);
        _process.Dispose();
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken token)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception failure) when (failure is SocketException or OperationCanceledException)
        {
            token.ThrowIfCancellationRequested();
            return false;
        }
    }
}
