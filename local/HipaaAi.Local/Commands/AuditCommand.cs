using System.Globalization;
using HipaaAi.Local.Hosting;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HipaaAi.Local.Commands;

/// <summary>
/// Reads the local audit trail: <c>verify</c> recomputes each workflow's hash chain; <c>query</c> lists events by
/// workflow, instance, subject, time, action or outcome. Events hold ids and codes only, so printing them is safe.
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(CommandLine options, LocalPaths paths, TextWriter output, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Audit:Local:RootPath"] = options.Value("folder") ?? paths.Audit,
            })
            .Build();
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddLocalAudit(configuration)
            .BuildServiceProvider();
        var reader = services.GetRequiredService<AuditTrailReader>();

        var workflows = options.Value("workflow") is { } named
            ? [Enum.Parse<Workflow>(named, ignoreCase: true)]
            : Enum.GetValues<Workflow>();

        return (options.Words.Count > 0 ? options.Words[0] : null) switch
        {
            "verify" => await VerifyAsync(reader, workflows, output, token).ConfigureAwait(false),
            "query" => await QueryAsync(reader, workflows, options, output, token).ConfigureAwait(false),
            _ => Usage(output),
        };
    }

    private static async Task<int> VerifyAsync(
        AuditTrailReader reader,
        IReadOnlyList<Workflow> workflows,
        TextWriter output,
        CancellationToken token)
    {
        var broken = 0;
        foreach (var workflow in workflows)
        {
            var verification = await reader.VerifyAsync(workflow, token).ConfigureAwait(false);
            if (verification.IsIntact)
            {
                await output.WriteLineAsync($"{workflow}: intact, {verification.RecordsVerified} records")
                    .ConfigureAwait(false);
                continue;
            }

            broken++;
            await output.WriteLineAsync(
                $"{workflow}: BROKEN at sequence {verification.FirstBrokenSequence} ({verification.Problem}) in " +
                $"{verification.Segment} line {verification.Line}; {verification.RecordsVerified} records verified before it")
                .ConfigureAwait(false);
        }

        return broken == 0 ? 0 : 1;
    }

    private static async Task<int> QueryAsync(
        AuditTrailReader reader,
        IReadOnlyList<Workflow> workflows,
        CommandLine options,
        TextWriter output,
        CancellationToken token)
    {
        var count = 0;
        foreach (var workflow in workflows)
        {
            var query = new AuditQuery(workflow)
            {
                InstanceId = options.Value("instance"),
                Subject = options.Value("subject"),
                From = Time(options.Value("since")),
                To = Time(options.Value("until")),
                Activity = options.Value("activity"),
                Action = options.Value("action"),
                Outcome = options.Value("outcome"),
            };
            foreach (var record in await reader.QueryAsync(query, token).ConfigureAwait(false))
            {
                var e = record.Event;
                var model = e.AiService is null ? string.Empty : $" model={e.AiService}/{e.Deployment ?? e.Model}";
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{record.Sequence,6} {e.Time:yyyy-MM-ddTHH:mm:ss.fffZ} {e.Workflow} {e.InstanceId} {e.Activity}" +
                    $" #{e.Attempt} actor={e.Actor} subject={e.Subject} {e.Action} {e.Outcome}" +
                    $" {e.Duration.TotalMilliseconds:F0}ms{(e.Detail is null ? string.Empty : " " + e.Detail)}{model}"))
                    .ConfigureAwait(false);
                count++;
            }
        }

        await output.WriteLineAsync($"{count} events").ConfigureAwait(false);
        return 0;
    }

    private static DateTimeOffset? Time(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static int Usage(TextWriter output)
    {
        output.WriteLine("usage: audit verify [--workflow W] | audit query [--workflow W] [--instance ID] " +
            "[--subject ID] [--since T] [--until T] [--activity A] [--action A] [--outcome O]");
        return 2;
    }
}
