using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HipaaAi.Shared.Audit;

/// <summary>One column of the audit tables: its Log Analytics type and how it is filled from an event.</summary>
public sealed record AuditColumn(string Name, string Type, string Description, Func<AuditEvent, object?> Value);

/// <summary>
/// The row shape of every audit table, defined once: the ingestion sink writes rows from it and the Bicep templates
/// declare the same columns (see <c>docs/audit-table-schema.json</c>, generated from <see cref="ToSchemaJson"/>).
/// All four tables share it so one query shape works across workflows.
/// </summary>
public static class AuditTableSchema
{
    public static IReadOnlyList<AuditColumn> Columns { get; } =
    [
        new("TimeGenerated", "datetime", "When the audited step happened (the event time).", e => e.Time),
        new("EventId", "string", "SHA-256 prefix of the event; the same event delivered twice has the same id.",
            EventIdFor),
        new("Workflow", "string", "RecordsIntake, Dictation, PriorAuthorization or BillingReview.",
            e => e.Workflow.ToString()),
        new("InstanceId", "string", "The durable orchestration instance.", e => e.InstanceId),
        new("Activity", "string", "The activity or function that acted.", e => e.Activity),
        new("Attempt", "int", "1 for the first try, higher for durable retries.", e => e.Attempt),
        new("Actor", "string", "Service identity, or the staff member for human decisions and record access.",
            e => e.Actor),
        new("Subject", "string", "Opaque document id or keyed patient pseudonym; never a name or identifier.",
            e => e.Subject),
        new("Action", "string", "What was done, e.g. activity.completed, model.call, record.viewed.", e => e.Action),
        new("Outcome", "string", "Succeeded, Failed, Quarantined, Refused or a workflow outcome.", e => e.Outcome),
        new("DurationMs", "real", "How long the step took, in milliseconds.", e => e.Duration.TotalMilliseconds),
        new("Detail", "string", "A short machine code, never free text.", e => e.Detail),
        new("AiService", "string", "The AI service called, if any.", e => e.AiService),
        new("Deployment", "string", "The model deployment called, if any.", e => e.Deployment),
        new("Model", "string", "The model name reported by the service, if any.", e => e.Model),
        new("InputTokens", "int", "Prompt tokens of a model call.", e => e.InputTokens),
        new("OutputTokens", "int", "Completion tokens of a model call.", e => e.OutputTokens),
        new("RequestCharacters", "int", "Characters sent to the service (a size, not the text).",
            e => e.RequestCharacters),
        new("ResponseCharacters", "int", "Characters received from the service (a size, not the text).",
            e => e.ResponseCharacters),
        new("RetentionClass", "string", "The retention class the event falls under.", e => e.RetentionClass),
    ];

    /// <summary>The event as one JSON row of the table.</summary>
    public static JsonObject ToRow(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);

        var row = new JsonObject();
        foreach (var column in Columns)
        {
            row[column.Name] = column.Value(auditEvent) switch
            {
                null => null,
                DateTimeOffset time => JsonValue.Create(time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
                string text => JsonValue.Create(text),
                int number => JsonValue.Create(number),
                double number => JsonValue.Create(number),
                var other => throw new InvalidOperationException($"Column {column.Name} has unsupported type {other.GetType().Name}."),
            };
        }

        return row;
    }

    /// <summary>A stable id of the event's content: the first 32 hex digits of SHA-256 over its canonical JSON.</summary>
    public static string EventIdFor(AuditEvent auditEvent)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(auditEvent, ChainJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..32];
    }

    /// <summary>The schema document the Bicep templates are checked against: tables, streams, retention, columns.</summary>
    public static string ToSchemaJson()
    {
        var tables = new JsonArray();
        foreach (var workflow in AuditTables.Workflows)
        {
            var policy = RetentionPolicy.DefaultFor(workflow);
            tables.Add(new JsonObject
            {
                ["workflow"] = workflow.ToString(),
                ["table"] = AuditTables.TableFor(workflow),
                ["stream"] = AuditTables.StreamFor(workflow),
                ["retentionClass"] = policy.RetentionClass,
                ["defaultInteractiveDays"] = policy.InteractiveDays,
                ["defaultTotalDays"] = policy.TotalDays,
            });
        }

        var columns = new JsonArray();
        foreach (var column in Columns)
        {
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["description"] = column.Description,
            });
        }

        var document = new JsonObject
        {
            ["description"] = "Audit tables of HipaaAi.Functions. Generated from AuditTableSchema; do not edit by hand.",
            ["apiVersion"] = LogsIngestionAuditSink.ApiVersion,
            ["tables"] = tables,
            ["columns"] = columns,
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }
}
