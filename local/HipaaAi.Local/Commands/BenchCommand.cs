using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Measures records intake on one long fax: pages per minute through the whole pipeline against raw Tesseract on the
/// same pages (same parallelism), the host's peak memory, and the largest payload the orchestration stored.
/// Prints figures; asserts nothing.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(
        CommandLine options, LocalPaths paths, TextWriter output, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        if (options.Value("claims") is { } claims)
        {
            return await BillingBench.RunAsync(int.Parse(claims, CultureInfo.InvariantCulture), paths, output, token)
                .ConfigureAwait(false);
        }

        var pages = int.Parse(options.Value("pages") ?? "200", CultureInfo.InvariantCulture);
        var folder = Path.Combine(paths.StateRoot, "bench", $"pages-{pages}");
        var fax = Path.Combine(folder, SampleSet.BenchmarkFileName);
        if (!File.Exists(fax))
        {
            var renderer = new SampleRenderer(Microsoft.Extensions.Options.Options.Create(new SampleRenderingOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<SampleRenderer>.Instance);
            new SampleSet(renderer, Microsoft.Extensions.Logging.Abstractions.NullLogger<SampleSet>.Instance)
                .Generate(folder, new SampleSetOptions { IncludeBenchmarkFax = true, BenchmarkPageCount = pages });
        }

        await output.WriteLineAsync($"Benchmark fax: {pages} pages, {new FileInfo(fax).Length / 1024} KiB")
            .ConfigureAwait(false);

        var raw = await RawTesseractAsync(fax, token).ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Raw tesseract:  {raw.TotalSeconds,7:F1} s  {pages / raw.TotalMinutes,7:F1} pages/min"))
            .ConfigureAwait(false);

        // The raw pass held every decoded page in memory; the peak that matters is the pipeline's own.
        var peakNote = ResetPeakMemory() ? string.Empty : "; includes the raw pass: the kernel refused a reset";

        // Measuring needs no staff decisions: documents routed to review stay in the review queue, without a card.
        await using var session = await LocalSession.StartAsync(paths, token, NoReviewCards).ConfigureAwait(false);
        var store = session.Services.GetRequiredService<DocumentStore>();

        // A fresh name each run, so the content-derived instance id is new and nothing is skipped as a repeat.
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var runFolder = Path.Combine(folder, "run-" + stamp);
        Directory.CreateDirectory(runFolder);
        var runName = $"{Path.GetFileNameWithoutExtension(SampleSet.BenchmarkFileName)}-{stamp}"
            + Path.GetExtension(SampleSet.BenchmarkFileName);
        File.Copy(fax, Path.Combine(runFolder, runName));

        var clock = Stopwatch.StartNew();
        var submitted = await IntakeBatch.SubmitFolderAsync(store, runFolder, token).ConfigureAwait(false);
        var finished = await IntakeBatch.WaitForAllAsync(session.Runtime.Client, submitted, TextWriter.Null, token)
            .ConfigureAwait(false);
        var pipeline = clock.Elapsed;
        Directory.Delete(runFolder, recursive: true);

        var result = finished.Single().Result;
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Pipeline:       {pipeline.TotalSeconds,7:F1} s  {pages / pipeline.TotalMinutes,7:F1} pages/min ") +
            $"({result?.Outcome}, {result?.Documents.Count} documents)").ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Overhead ratio: {pipeline.TotalSeconds / raw.TotalSeconds,7:F2} (pipeline time / raw tesseract time)"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Peak memory:    {PeakWorkingSetMegabytes(),7:F0} MB ") +
            $"(local host process: sidecar, worker, engines{peakNote})").ConfigureAwait(false);

        var largest = await LargestPayloadAsync(submitted.Single().InstanceId, token).ConfigureAwait(false);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Largest orchestration payload: {largest.Bytes,7} bytes ({largest.Kind})")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<TimeSpan> RawTesseractAsync(string faxPath, CancellationToken token)
    {
        var pageImages = FaxTiff.Read(await File.ReadAllBytesAsync(faxPath, token).ConfigureAwait(false));
        var folder = Directory.CreateTempSubdirectory("hipaaai-bench-");
        try
        {
            var files = pageImages.Select((image, index) =>
            {
                var path = Path.Combine(folder.FullName, $"page-{index + 1:D4}.pgm");
                WritePgm(image, path);
                return path;
            }).ToList();

            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(files, new ParallelOptions
            {
                MaxDegreeOfParallelism = Environment.ProcessorCount,
                CancellationToken = token,
            }, async (file, cancel) =>
            {
                var start = new ProcessStartInfo("tesseract")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var argument in new[] { file, "stdout", "-l", "eng", "--psm", "3", "--dpi", "200", "tsv" })
                {
                    start.ArgumentList.Add(argument);
                }

                start.Environment["OMP_THREAD_LIMIT"] = "1";
                using var process = Process.Start(start)!;
                var reading = process.StandardOutput.ReadToEndAsync(cancel);
                var errors = process.StandardError.ReadToEndAsync(cancel);
                await process.WaitForExitAsync(cancel).ConfigureAwait(false);
                await reading.ConfigureAwait(false);
                await errors.ConfigureAwait(false);
            }).ConfigureAwait(false);
            return clock.Elapsed;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void WritePgm(GrayImage image, string path)
    {
        using var file = File.Create(path);
        var header = System.Text.Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"P5\n{image.Width} {image.Height}\n255\n"));
        file.Write(header);
        file.Write(image.Pixels);
    }

    private static bool ResetPeakMemory()
    {
        // Aggressive: the freed pages of the raw pass are given back to the system, not kept committed for reuse.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            // Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0 and later).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double PeakWorkingSetMegabytes()
    {
        // VmHWM is the resident high-water mark of this process since it started.
        var line = File.ReadLines("/proc/self/status")
            .FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line is null
            ? 0
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    private static async Task<(int Bytes, string Kind)> LargestPayloadAsync(string instanceId, CancellationToken token)
    {
        var history = new TableClient("UseDevelopmentStorage=true", LocalSession.TaskHubName + "History");
        var largest = (Bytes: 0, Kind: "none");
        await foreach (var row in history.QueryAsync<TableEntity>(entity => entity.PartitionKey == instanceId,
            cancellationToken: token).ConfigureAwait(false))
        {
            foreach (var property in new[] { "Input", "Result" })
            {
                if (row.GetString(property) is { } payload && payload.Length > largest.Bytes)
                {
                    largest = (System.Text.Encoding.UTF8.GetByteCount(payload),
                        $"{row.GetString("EventType")} {property} {row.GetString("Name")}".Trim());
                }
            }
        }

        return largest;
    }

    private static readonly Dictionary<string, string?> NoReviewCards = new() { ["Intake:Review:Enabled"] = "false" };
}
