using System.IO.Compression;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Audit;

/// <summary>Pipeline settings of the ingestion sink; the SDK's retry policy honours Retry-After on 429 and 503.</summary>
public sealed class LogsIngestionClientOptions : ClientOptions
{
    public static LogsIngestionClientOptions From(LogsIngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var clientOptions = new LogsIngestionClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return clientOptions;
    }
}

/// <summary>
/// Sends audit events to the workflow's Log Analytics custom table through the Logs Ingestion API of a data
/// collection rule. Azure.Monitor.Ingestion is not available to this build, so this is the REST call itself over an
/// Azure.Core pipeline: managed identity bearer token, retries with Retry-After, gzip, batches under the 1 MB limit.
/// A call that still fails throws <see cref="AuditDeliveryException"/>; nothing is dropped.
/// </summary>
public sealed class LogsIngestionAuditSink : IAuditSink
{
    public const string ApiVersion = "2023-01-01";

    /// <summary>The Azure Monitor audience; the double slash is what the service expects.</summary>
    public const string Scope = "https://monitor.azure.com//.default";

    private readonly LogsIngestionOptions options;
    private readonly HttpPipeline pipeline;
    private readonly ILogger<LogsIngestionAuditSink> logger;

    public LogsIngestionAuditSink(
        IOptions<LogsIngestionOptions> options,
        TokenCredential credential,
        LogsIngestionClientOptions clientOptions,
        ILogger<LogsIngestionAuditSink> logger)
    {
        ArgumentNullException.ThrowIfNull(options);

        var problems = options.Value.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(LogsIngestionOptions.SectionName, typeof(LogsIngestionOptions), problems);
        }

        this.options = options.Value;
        this.logger = logger;
        pipeline = HttpPipelineBuilder.Build(
            clientOptions,
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, Scope)],
            new ResponseClassifier());
    }

    /// <inheritdoc />
    public async Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);

        var pending = events.ToList();
        foreach (var group in events.GroupBy(auditEvent => auditEvent.Workflow))
        {
            var stream = AuditTables.StreamFor(group.Key);
            foreach (var batch in Batch(group, options.MaxBatchBytes))
            {
                await SendAsync(stream, batch, pending, cancellationToken).ConfigureAwait(false);
                foreach (var sent in batch.Events)
                {
                    pending.Remove(sent);
                }
            }
        }
    }

    private async Task SendAsync(
        string stream, RowBatch batch, IReadOnlyList<AuditEvent> pending, CancellationToken cancellationToken)
    {
        var body = Gzip(batch.Json);
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(options.Endpoint!);
        request.Uri.AppendPath("/dataCollectionRules/", escape: false);
        request.Uri.AppendPath(options.DataCollectionRuleId, escape: true);
        request.Uri.AppendPath("/streams/", escape: false);
        request.Uri.AppendPath(stream, escape: true);
        request.Uri.AppendQuery("api-version", ApiVersion);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Headers.Add("Content-Encoding", "gzip");
        request.Content = RequestContent.Create(body);

        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDeliveryFailure(ex))
        {
            // After its last retry on a transport error the pipeline throws an AggregateException of the attempts.
            throw new AuditDeliveryException(stream, (ex as RequestFailedException)?.Status ?? 0, pending, ex);
        }

        if (message.Response.IsError)
        {
            throw new AuditDeliveryException(stream, message.Response.Status, pending);
        }

        Logs.IngestionBatchSent(logger, stream, batch.Events.Count, body.Length);
    }

    private static bool IsDeliveryFailure(Exception exception) => exception switch
    {
        RequestFailedException or AuthenticationFailedException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsDeliveryFailure),
        _ => false,
    };

    /// <summary>Splits events into JSON arrays whose uncompressed size stays within <paramref name="maxBytes"/>.</summary>
    internal static IEnumerable<RowBatch> Batch(IEnumerable<AuditEvent> events, int maxBytes)
    {
        var rows = new List<byte[]>();
        var batchEvents = new List<AuditEvent>();
        var size = 2; // the brackets of the array
        foreach (var auditEvent in events)
        {
            var row = System.Text.Encoding.UTF8.GetBytes(AuditTableSchema.ToRow(auditEvent).ToJsonString());
            if (row.Length + 2 > maxBytes)
            {
                throw new InvalidOperationException($"One audit row of {row.Length} bytes exceeds the batch limit.");
            }

            var added = row.Length + (rows.Count > 0 ? 1 : 0);
            if (size + added > maxBytes)
            {
                yield return new RowBatch(Join(rows), batchEvents);
                rows = [];
                batchEvents = [];
                size = 2;
                added = row.Length;
            }

            rows.Add(row);
            batchEvents.Add(auditEvent);
            size += added;
        }

        if (rows.Count > 0)
        {
            yield return new RowBatch(Join(rows), batchEvents);
        }
    }

    private static byte[] Join(List<byte[]> rows)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        for (var index = 0; index < rows.Count; index++)
        {
            if (index > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(rows[index]);
        }

        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return buffer.ToArray();
    }

    internal sealed record RowBatch(byte[] Json, IReadOnlyList<AuditEvent> Events);
}
