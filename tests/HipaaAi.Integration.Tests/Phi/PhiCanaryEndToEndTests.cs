using System.Collections.Concurrent;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HipaaAi.Local.Commands;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Phi;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using HipaaAi.Shared.Understanding.Synthetic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HipaaAi.Integration.Tests.Phi;

/// <summary>
/// A host whose every log line, at every level, is kept for scanning, whose exported telemetry (the product's own
/// OpenTelemetry configuration with an in-memory exporter in place of Azure Monitor) is kept too, and which sends every
/// document to review, so that every document also becomes an approval card.
/// </summary>
public sealed class LogCapturingFixture : LocalHostFixture
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public List<System.Diagnostics.Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    public List<LogRecord> ExportedLogs { get; } = [];

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Understanding:ReviewConfidenceThreshold"] = "0.999",
    };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddFilter(_ => true);
            logging.AddProvider(new CapturingProvider(Lines));
        });
        services.AddHipaaAiTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
            .WithLogging(logging => logging.AddInMemoryExporter(ExportedLogs));
    }

    /// <summary>Everything the exporter was handed, as text: span names and tags, metric names and tags, log records.</summary>
    public string ExportedTelemetry()
    {
        // Metrics are read on an interval and spans exported in batches: collect everything now.
        Session.Services.GetService<TracerProvider>()?.ForceFlush();
        Session.Services.GetService<MeterProvider>()?.ForceFlush();
        Session.Services.GetService<LoggerProvider>()?.ForceFlush();
        var text = new StringBuilder();
        lock (Spans)
        {
            foreach (var span in Spans)
            {
                text.Append(span.DisplayName).Append(' ').Append(span.StatusDescription).Append(' ');
                text.AppendJoin(' ', span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}")).Append('\n');
            }
        }

        lock (Metrics)
        {
            foreach (var metric in Metrics)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    text.Append(metric.Name).Append(' ');
                    foreach (var tag in point.Tags)
                    {
                        text.Append(tag.Key).Append('=').Append(tag.Value).Append(' ');
                    }

                    text.Append('\n');
                }
            }
        }

        lock (ExportedLogs)
        {
            foreach (var record in ExportedLogs)
            {
                text.Append(record.CategoryName).Append(' ').Append(record.FormattedMessage).Append(' ')
                    .Append(record.Body).Append(' ').Append(record.Exception).Append(' ');
                text.AppendJoin(' ', (record.Attributes ?? []).Select(pair => $"{pair.Key}={pair.Value}")).Append('\n');
            }
        }

        return text.ToString();
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(' ', pairs.Select(pair => $"{pair.Key}={pair.Value}"))
                : string.Empty;
            lines.Enqueue($"{logLevel} {category} {formatter(state, exception)} {structured} {exception}");
        }
    }
}

/// <summary>
/// Seeds documents with fake canary PHI (name, date of birth, MRN, SSN, phone, address, member id), runs them
/// through the embedded default, and scans every sink that must not carry PHI: logs at every level, the audit trail,
/// the durable history in the emulator's tables and large-message blobs, the staff queue messages and the work
/// container. The record store, which must carry it, is scanned too, to prove the scanner sees the canaries.
/// </summary>
public sealed class PhiCanaryEndToEndTests(LogCapturingFixture host) : IClassFixture<LogCapturingFixture>
{
    [Fact]
    public async Task CanaryDocuments_ThroughTheWholePipeline_LeaveNoPhiInAnySinkButTheRecords()
    {
        // Arrange
        var folder = Path.Combine(host.Paths.StateRoot, "canary");
        Directory.CreateDirectory(folder);
        WriteCanaryDocuments(folder);

        // Act
        var submitted = await IntakeBatch.SubmitFolderAsync(host.Store, folder, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var finished = await IntakeBatch.WaitForAllAsync(host.Session.Runtime.Client, submitted, TextWriter.Null,
            timeout.Token);

        // Assert
        Assert.All(finished, item => Assert.NotEqual(IntakeOutcome.Quarantined, item.Result!.Outcome));
        var hits = new List<CanaryHit>();
        hits.AddRange(CanaryScanner.ScanText(string.Join('\n', host.Lines), "logs"));
        hits.AddRange(CanaryScanner.ScanFolder(host.Paths.Audit));
        hits.AddRange(await ScanDurableHistoryAsync());
        hits.AddRange(await ScanQueuesAsync());
        hits.AddRange(await ScanContainerAsync(StorageNames.Work, prefix: null));
        var telemetry = host.ExportedTelemetry();
        hits.AddRange(CanaryScanner.ScanText(telemetry, "exported telemetry"));
        var cards = await CardsForAsync(finished.Select(item => item.File.DocumentId).ToList());
        hits.AddRange(PhiAllowList.Violations(PhiSink.ApprovalCard, CanaryScanner.ScanText(cards, "approval cards")));
        Assert.Empty(hits.Select(hit => $"{hit.Field} in {hit.Location} line {hit.Line}"));

        // The sinks were really exercised: every document became a card, and the activities were exported.
        var documents = finished.Sum(item => item.Result!.Documents.Count);
        Assert.Equal(documents, cards.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(nameof(ReadPagesActivity), telemetry, StringComparison.Ordinal);
        Assert.Contains("hipaaai.activity.calls", telemetry, StringComparison.Ordinal);

        var recordHits = new List<CanaryHit>();
        foreach (var item in finished)
        {
            recordHits.AddRange(await ScanContainerAsync(StorageNames.Records, $"{item.File.DocumentId}/0"));
        }

        Assert.Contains(recordHits, hit => hit.Field == CanaryField.Name);
        Assert.Contains(recordHits, hit => hit.Field == CanaryField.MedicalRecordNumber);
        Assert.Contains(recordHits, hit => hit.Field == CanaryField.DateOfBirth);
    }

    /// <summary>The card of every approval about the given documents, one per line, as it would be posted.</summary>
    private async Task<string> CardsForAsync(List<string> documentIds)
    {
        var store = host.Session.Services.GetRequiredService<ApprovalStore>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var expected = documentIds.Count;
        IReadOnlyList<ApprovalRecord> cards = [];
        while (DateTime.UtcNow < deadline)
        {
            cards = [.. (await store.ListPendingAsync(default))
                .Where(card => documentIds.Any(id => card.SubjectId.StartsWith(id, StringComparison.Ordinal)))];
            if (cards.Count >= expected)
            {
                break;
            }

            await Task.Delay(250);
        }

        return string.Join('\n', cards.Select(card => card.CardJson.ReplaceLineEndings(" ")));
    }

    private static void WriteCanaryDocuments(string folder)
    {
        var patient = new FakePatient(PhiCanary.GivenName, PhiCanary.FamilyName, PhiCanary.DateOfBirth,
            PhiCanary.MedicalRecordNumber, "F", PhiCanary.Phone, PhiCanary.Address, PhiCanary.MemberId);
        var generator = new SyntheticDocuments(77);
        var renderer = new SampleRenderer(Options.Create(new SampleRenderingOptions()), NullLogger<SampleRenderer>.Instance);

        var note = generator.Next(DocumentType.ClinicalNote, patient);
        var notePages = note.Pages.ToList();
        notePages[0] += $"\nSSN: {PhiCanary.SocialSecurityNumber}   Member ID: {PhiCanary.MemberId}";
        File.WriteAllBytes(Path.Combine(folder, "canary-note.pdf"), renderer.RenderTextPdf(notePages, 77));

        var lab = generator.Next(DocumentType.LabResult, patient);
        File.WriteAllBytes(Path.Combine(folder, "canary-lab.tif"),
            renderer.RenderFaxTiff(lab.Pages, FaxEffects.None, 78));
    }

    private async Task<IReadOnlyList<CanaryHit>> ScanDurableHistoryAsync()
    {
        var hits = new List<CanaryHit>();
        foreach (var table in new[] { host.TaskHub + "Instances", host.TaskHub + "History" })
        {
            var client = new TableClient("UseDevelopmentStorage=true", table);
            var text = new StringBuilder();
            await foreach (var entity in client.QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in entity)
                {
                    text.Append(key).Append('=').Append(value).Append('\n');
                }
            }

            Assert.True(text.Length > 0, $"The durable table {table} should hold the run's history.");
            hits.AddRange(CanaryScanner.ScanText(text.ToString(), table));
        }

        var blobs = new BlobServiceClient("UseDevelopmentStorage=true");
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: host.TaskHub.ToLowerInvariant()))
        {
            hits.AddRange(await ScanContainerAsync(container.Name, prefix: null));
        }

        return hits;
    }

    private static async Task<IReadOnlyList<CanaryHit>> ScanQueuesAsync()
    {
        var hits = new List<CanaryHit>();
        var service = new QueueServiceClient("UseDevelopmentStorage=true",
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await foreach (var queue in service.GetQueuesAsync())
        {
            var peeked = await service.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            foreach (var message in peeked.Value)
            {
                hits.AddRange(CanaryScanner.ScanText(message.Body.ToString(), $"queue {queue.Name}"));
            }
        }

        return hits;
    }

    private static async Task<IReadOnlyList<CanaryHit>> ScanContainerAsync(string container, string? prefix)
    {
        var hits = new List<CanaryHit>();
        var client = new BlobContainerClient("UseDevelopmentStorage=true", container);
        if (!await client.ExistsAsync())
        {
            return hits;
        }

        await foreach (var blob in client.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None, prefix, default))
        {
            var bytes = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            if (bytes is [0x1f, 0x8b, ..])
            {
                using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes),
                    System.IO.Compression.CompressionMode.Decompress);
                using var plain = new MemoryStream();
                await gzip.CopyToAsync(plain);
                bytes = plain.ToArray();
            }

            hits.AddRange(CanaryScanner.ScanText(Encoding.UTF8.GetString(bytes), $"{container}/{blob.Name}"));
        }

        return hits;
    }
}
