using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Tests.Audit;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hipaa-audit-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A handle still closing on a slow runner; the OS temp cleaner takes it.
        }
    }
}

internal static class AuditTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static AuditEvent Event(
        int number,
        Workflow workflow = Workflow.RecordsIntake,
        string? instanceId = null,
        string action = "activity.completed",
        string outcome = "Succeeded",
        DateTimeOffset? time = null) => new()
    {
        Time = time ?? Start.AddMinutes(number),
        Workflow = workflow,
        InstanceId = instanceId ?? $"inst-{number % 3}",
        Activity = number % 2 == 0 ? "ClassifyDocument" : "ReadPages",
        Attempt = 1,
        Actor = "svc:func-hipaa",
        Subject = $"doc-{number:D4}",
        Action = action,
        Outcome = outcome,
        Duration = TimeSpan.FromMilliseconds(120 + number),
        Detail = number % 5 == 0 ? "low-confidence" : null,
        Model = number % 4 == 0 ? "gpt-4o" : null,
        InputTokens = number % 4 == 0 ? 1200 : null,
        RetentionClass = AuditTables.SlugFor(workflow),
    };

    public static IReadOnlyList<AuditEvent> Events(int from, int count, Workflow workflow = Workflow.RecordsIntake) =>
        Enumerable.Range(from, count).Select(number => Event(number, workflow)).ToList();

    public static AuditChainStore Store(string root, TimeProvider time, TimeSpan? lockTimeout = null) =>
        new(Options.Create(new LocalAuditOptions { RootPath = root, LockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30) }),
            time, NullLogger<AuditChainStore>.Instance);

    public static HashChainedAuditLog Log(AuditChainStore store) =>
        new(store, NullLogger<HashChainedAuditLog>.Instance);

    public static AuditTrailReader Reader(AuditChainStore store) =>
        new(store, NullLogger<AuditTrailReader>.Instance);

    public static LocalRetentionEnforcer Enforcer(AuditChainStore store, AuditRetentionOptions? options = null) =>
        new(store, new StaticOptionsMonitor<AuditRetentionOptions>(options ?? new AuditRetentionOptions()),
            NullLogger<LocalRetentionEnforcer>.Instance);

    public static string SegmentFile(string root, Workflow workflow, string segment) =>
        System.IO.Path.Combine(root, AuditTables.SlugFor(workflow), segment + ".jsonl");
}

internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
