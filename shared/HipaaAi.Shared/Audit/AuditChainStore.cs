using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Audit;

/// <summary>
/// The files behind the local chain: one folder per workflow holding monthly segments (<c>yyyy-MM.jsonl</c>), a
/// checkpoint left by retention, and a lock file. Writers in this process queue on a semaphore; writers in other
/// processes are kept out by an exclusive lock on the lock file, retried while another holder has it.
/// </summary>
internal sealed class AuditChainStore(IOptions<LocalAuditOptions> options, TimeProvider time, ILogger<AuditChainStore> logger)
{
    public const string SegmentExtension = ".jsonl";

    private const string CheckpointFileName = "checkpoint.json";

    private const string LockFileName = ".lock";

    private readonly ConcurrentDictionary<Workflow, SemaphoreSlim> gates = new();

    public TimeProvider Time => time;

    public string FolderFor(Workflow workflow)
    {
        var root = options.Value.RootPath;
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new AuditChainException($"The setting {LocalAuditOptions.SectionName}:RootPath is not set.");
        }

        return Path.Combine(Path.GetFullPath(root), AuditTables.SlugFor(workflow));
    }

    /// <summary>Segment names (<c>yyyy-MM</c>) of the workflow, oldest first.</summary>
    public IReadOnlyList<string> ListSegments(Workflow workflow)
    {
        var folder = FolderFor(workflow);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*" + SegmentExtension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => TryParseSegment(name, out _))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string SegmentPath(Workflow workflow, string segment) =>
        Path.Combine(FolderFor(workflow), segment + SegmentExtension);

    public static string SegmentFor(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool TryParseSegment(string name, out DateTimeOffset monthStart)
    {
        var parsed = DateTime.TryParseExact(
            name, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var month);
        monthStart = parsed ? new DateTimeOffset(month, TimeSpan.Zero) : default;
        return parsed;
    }

    public ChainCheckpoint? ReadCheckpoint(Workflow workflow)
    {
        var path = Path.Combine(FolderFor(workflow), CheckpointFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ChainCheckpoint>(File.ReadAllText(path), ChainJson.Options)
                ?? throw new AuditChainException("The audit chain checkpoint is empty.");
        }
        catch (JsonException ex)
        {
            throw new AuditChainException("The audit chain checkpoint is not valid JSON.", ex);
        }
    }

    /// <summary>Replaces the checkpoint atomically: a synced temporary file renamed over the old one.</summary>
    public void WriteCheckpoint(Workflow workflow, ChainCheckpoint checkpoint)
    {
        var folder = FolderFor(workflow);
        var path = Path.Combine(folder, CheckpointFileName);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096,
                   FileOptions.WriteThrough))
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(checkpoint, ChainJson.Options));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Runs <paramref name="action"/> holding the workflow's chain against this and other processes.</summary>
    public async Task<T> WithLockAsync<T>(Workflow workflow, Func<T> action, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(workflow, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var fileLock = await AcquireFileLockAsync(workflow, cancellationToken).ConfigureAwait(false);
            return action();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Appends events after the current tip. Call only inside <see cref="WithLockAsync"/>.</summary>
    public IReadOnlyList<AuditRecord> AppendLocked(Workflow workflow, IReadOnlyList<AuditEvent> events)
    {
        var tip = ReadTipLocked(workflow);
        var now = time.GetUtcNow();
        var segment = SegmentFor(now);
        if (tip.Segment is not null && string.CompareOrdinal(tip.Segment, segment) > 0)
        {
            // The clock went back past a month boundary: keep appending to the newest segment so order holds.
            segment = tip.Segment;
        }

        var records = new List<AuditRecord>(events.Count);
        var builder = new StringBuilder();
        var previous = tip.Hash;
        var sequence = tip.Sequence;
        foreach (var auditEvent in events)
        {
            sequence++;
            var hash = ChainJson.ComputeHash(previous, sequence, now, auditEvent);
            var record = new AuditRecord(sequence, now, previous, hash, auditEvent);
            records.Add(record);
            builder.Append(ChainJson.ToLine(record)).Append('\n');
            previous = hash;
        }

        Directory.CreateDirectory(FolderFor(workflow));
        using var stream = new FileStream(SegmentPath(workflow, segment), FileMode.Append, FileAccess.Write,
            FileShare.Read, 4096, FileOptions.WriteThrough);
        stream.Write(Encoding.UTF8.GetBytes(builder.ToString()));
        stream.Flush(flushToDisk: true);

        return records;
    }

    /// <summary>The last sequence and hash of the chain, repairing a torn final line that was never acknowledged.</summary>
    public ChainTip ReadTipLocked(Workflow workflow)
    {
        var segments = ListSegments(workflow);
        for (var index = segments.Count - 1; index >= 0; index--)
        {
            var last = ReadLastRecord(workflow, segments[index]);
            if (last is not null)
            {
                return new ChainTip(last.Sequence, last.Hash, segments[^1]);
            }
        }

        var checkpoint = ReadCheckpoint(workflow);
        return checkpoint is null
            ? new ChainTip(0, ChainJson.GenesisHash, segments.Count > 0 ? segments[^1] : null)
            : new ChainTip(checkpoint.LastSequence, checkpoint.LastHash, segments.Count > 0 ? segments[^1] : null);
    }

    /// <summary>Reads the last complete record of a segment; null when the segment holds none.</summary>
    public AuditRecord? ReadLastRecord(Workflow workflow, string segment)
    {
        var path = SegmentPath(workflow, segment);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length == 0)
        {
            return null;
        }

        var (lineStart, text) = ReadFinalLine(stream);
        if (text.Length > 0 && text[^1] == '\n')
        {
            return ChainJson.TryParse(text.TrimEnd('\n'))
                ?? throw new AuditChainException($"The last line of audit segment {segment} is not a chain record.");
        }

        // No newline at the end: a write that was cut off. A complete, valid record only lost its newline; anything
        // else was never acknowledged to a caller (the write did not return), so the activity retries it.
        var record = ChainJson.TryParse(text);
        if (record is not null && ChainJson.HashMatches(record))
        {
            stream.Seek(0, SeekOrigin.End);
            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
            Logs.AuditTornLineCompleted(logger, workflow, segment);
            return record;
        }

        stream.SetLength(lineStart);
        stream.Flush(flushToDisk: true);
        Logs.AuditTornLineRemoved(logger, workflow, segment, text.Length);
        return lineStart == 0 ? null : ReadLastRecordAfterRepair(stream, segment);
    }

    private static AuditRecord ReadLastRecordAfterRepair(FileStream stream, string segment)
    {
        var (_, text) = ReadFinalLine(stream);
        return ChainJson.TryParse(text.TrimEnd('\n'))
            ?? throw new AuditChainException($"The last line of audit segment {segment} is not a chain record.");
    }

    /// <summary>The final line (with its newline, if any) and where it starts, read backwards in blocks.</summary>
    private static (long Start, string Text) ReadFinalLine(FileStream stream)
    {
        const int BlockSize = 4096;
        var length = stream.Length;
        var end = length;

        // Skip the file's own final newline while looking for the start of the last line.
        var searchFrom = length - 1;
        stream.Seek(searchFrom, SeekOrigin.Begin);
        if (stream.ReadByte() == '\n')
        {
            searchFrom--;
        }

        var start = 0L;
        var buffer = new byte[BlockSize];
        var position = searchFrom + 1;
        while (position > 0)
        {
            var blockStart = Math.Max(0, position - BlockSize);
            var count = (int)(position - blockStart);
            stream.Seek(blockStart, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, count);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', count - 1, count);
            if (newline >= 0)
            {
                start = blockStart + newline + 1;
                break;
            }

            position = blockStart;
        }

        var bytes = new byte[end - start];
        stream.Seek(start, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        return (start, Encoding.UTF8.GetString(bytes));
    }

    private async Task<IDisposable> AcquireFileLockAsync(Workflow workflow, CancellationToken cancellationToken)
    {
        var folder = FolderFor(workflow);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockFileName);
        // Real elapsed time, not the injected clock: a frozen test clock must not make the wait endless.
        var deadline = Stopwatch.GetTimestamp() + (long)(options.Value.LockTimeout.TotalSeconds * Stopwatch.Frequency);
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on Windows and an exclusive flock on Unix: another process
                // opening the same file fails with an IOException until this handle is closed.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
            catch (IOException ex)
            {
                throw new AuditChainException(
                    $"The audit chain of {workflow} stayed locked by another writer for {options.Value.LockTimeout}.", ex);
            }
        }
    }
}

/// <summary>The end of a chain: the next record follows <see cref="Sequence"/> and links to <see cref="Hash"/>.</summary>
internal sealed record ChainTip(long Sequence, string Hash, string? Segment);

/// <summary>
/// Left behind when retention removes segments: where the remaining chain starts. The same values are recorded in
/// the chain itself by the <c>retention.purged</c> event.
/// </summary>
internal sealed record ChainCheckpoint(string PurgedThroughSegment, long LastSequence, string LastHash, DateTimeOffset PurgedAt);
