using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using HipaaAi.Local.Commands;
using HipaaAi.Local.Hosting;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace HipaaAi.Integration.Tests.RecordsIntake;

/// <summary>
/// Kills the local host with SIGKILL in the middle of a batch and starts it again: the durable state in the
/// emulator must carry every file to exactly one outcome, with nothing lost and no record written twice.
/// </summary>
public sealed class HostKillEndToEndTests : IAsyncLifetime
{
    private readonly string _state = Directory.CreateTempSubdirectory("hipaaai-kill-").FullName;
    private readonly string _hub = "HipaaAiKill" + Guid.NewGuid().ToString("N")[..10];
    private AzuriteProcess? _azurite;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.EnsureRunningAsync(LocalPaths.Discover(), NullLogger.Instance, default);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task LocalHost_KilledMidBatchAndRestarted_CompletesEveryFileExactlyOnce()
    {
        // Arrange
        var input = Path.Combine(_state, "input");
        var labels = SampleFolder.Generate(input, seed: 23, includeBenchmarkFax: false);
        var firstOutput = Path.Combine(_state, "out-1");
        var secondOutput = Path.Combine(_state, "out-2");

        // Act
        var killedAfter = await RunUntilKilledAsync(input, firstOutput, completedBeforeKill: 3);
        var exitCode = await RunToEndAsync(input, secondOutput);

        // Assert
        Assert.InRange(killedAfter, 3, labels.Files.Count - 1);
        Assert.Equal(0, exitCode);
        var results = ReadResults(secondOutput);
        Assert.Equal(labels.Files.Select(file => file.File).Order(), results.Keys.Order());
        foreach (var label in labels.Files)
        {
            var result = results[label.File];
            Assert.NotNull(result);
            Assert.Equal(label.Outcome == ExpectedOutcome.Quarantined, result.Outcome == IntakeOutcome.Quarantined);
        }

        var routed = results.Values.SelectMany(result => result!.Documents).ToList();
        var records = Directory.EnumerateFiles(Path.Combine(secondOutput, "records"), "*.json", SearchOption.AllDirectories)
            .Count(path => !Path.GetFileName(path).StartsWith("source", StringComparison.Ordinal));
        Assert.Equal(routed.Count, records);

        // A queue cannot take part in a transaction, so a kill between "enqueued" and "marked routed" can repeat one
        // message; consumers deduplicate by record id. Nothing may be missing, and nothing repeated more than once.
        var messages = await CountQueueMessagesAsync(results.Values.Select(result => result!.DocumentId).ToHashSet());
        Assert.Equal(routed.Count, messages.Count);
        Assert.All(messages.Values, count => Assert.InRange(count, 1, 2));
    }

    private async Task<int> RunUntilKilledAsync(string input, string output, int completedBeforeKill)
    {
        using var process = StartLocalHost(input, output);
        var completed = 0;
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('[') && line.Contains('/', StringComparison.Ordinal) && ++completed >= completedBeforeKill)
            {
                process.Kill(entireProcessTree: false);
                break;
            }
        }

        await process.WaitForExitAsync();
        return completed;
    }

    private async Task<int> RunToEndAsync(string input, string output)
    {
        using var process = StartLocalHost(input, output);
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    private Process StartLocalHost(string input, string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "hipaaai-local.dll"), "run", "--input", input, "--output", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HIPAAAI_LOCAL_ROOT"] = _state;
        start.Environment["HIPAAAI_Local__TaskHubName"] = _hub;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static Dictionary<string, IntakeResult?> ReadResults(string output)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json")));
        return document.RootElement.EnumerateArray().ToDictionary(
            item => item.GetProperty("file").GetString()!,
            item => item.GetProperty("result").Deserialize<IntakeResult>(DocumentStore.Json));
    }

    private static async Task<Dictionary<string, int>> CountQueueMessagesAsync(HashSet<string> documentIds)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var service = new QueueServiceClient("UseDevelopmentStorage=true",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await foreach (var queue in service.GetQueuesAsync(prefix: "records-"))
        {
            var client = service.GetQueueClient(queue.Name);
            for (var batch = 0; batch < 100; batch++)
            {
                // Received messages stay invisible for the rest of the test, so each batch is new.
                var messages = await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5));
                if (messages.Value.Length == 0)
                {
                    break;
                }

                foreach (var message in messages.Value)
                {
                    var body = message.Body.ToObjectFromJson<RecordQueueMessage>(DocumentStore.Json)!;
                    if (documentIds.Contains(body.DocumentId))
                    {
                        counts[body.RecordId] = counts.GetValueOrDefault(body.RecordId) + 1;
                    }
                }
            }
        }

        return counts;
    }
}
