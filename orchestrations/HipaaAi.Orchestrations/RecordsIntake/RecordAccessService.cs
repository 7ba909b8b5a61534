using System.Text.RegularExpressions;
using Azure;
using HipaaAi.Orchestrations.RecordsIntake.Activities;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Storage;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.RecordsIntake;

/// <summary>Who may open records through the viewer, bound from <c>Records</c>.</summary>
public sealed class RecordAccessOptions
{
    public const string Section = "Records";

    /// <summary>App roles allowed to open a record; the reviewer role of record review is always among them.</summary>
    public List<string> ViewerRoles { get; init; } = [ReviewSettings.ApproverRole, "RecordsStaff"];
}

/// <summary>The answer to a request to open a record: an HTTP status, a plain message and the record when allowed.</summary>
public sealed record RecordAccessAnswer(int HttpStatus, string Message, IntakeRecord? Record);

/// <summary>
/// Opens a record for a staff member, the way every host does it (the Functions endpoint a card links to, the local
/// review page): the viewer must be signed in and hold a viewer role, and every opening and every refusal is an audit
/// event with that person as actor and the record id as subject — the access record a covered entity must keep.
/// </summary>
public sealed partial class RecordAccessService(
    DocumentStore store,
    IAuditSink audit,
    TimeProvider time,
    IOptions<RecordAccessOptions> options)
{
    public const string AuditActivity = "RecordViewer";

    public async Task<RecordAccessAnswer> OpenAsync(
        string recordId, ApprovalActor? viewer, string channel, CancellationToken cancellationToken)
    {
        var match = RecordIdPattern().Match(recordId ?? string.Empty);
        if (!match.Success)
        {
            return new RecordAccessAnswer(400, "That is not a record id.", null);
        }

        var documentId = match.Groups["document"].Value;
        var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (viewer is null)
        {
            await AuditAsync(recordId!, documentId, "anonymous", AuditOutcomes.Refused, $"unauthenticated;{channel}",
                cancellationToken).ConfigureAwait(false);
            return new RecordAccessAnswer(401, "Sign in to open records.", null);
        }

        if (!viewer.Roles.Intersect(options.Value.ViewerRoles, StringComparer.Ordinal).Any())
        {
            await AuditAsync(recordId!, documentId, viewer.Id, AuditOutcomes.Refused, $"role;{channel}",
                cancellationToken).ConfigureAwait(false);
            return new RecordAccessAnswer(403, "Your role may not open records.", null);
        }

        IntakeRecord record;
        try
        {
            record = await store.ReadJsonAsync<IntakeRecord>(StorageNames.Records, WorkBlobs.Record(documentId, index),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            await AuditAsync(recordId!, documentId, viewer.Id, AuditOutcomes.NotFound, channel, cancellationToken)
                .ConfigureAwait(false);
            return new RecordAccessAnswer(404, "No such record; it may have been purged at the end of retention.", null);
        }

        // The audit event is written before the record is handed out: an access that cannot be recorded is refused.
        await AuditAsync(recordId!, documentId, viewer.Id, AuditOutcomes.Succeeded, channel, cancellationToken)
            .ConfigureAwait(false);
        return new RecordAccessAnswer(200, "OK", record);
    }

    private Task AuditAsync(
        string recordId, string documentId, string actor, string outcome, string detail, CancellationToken token) =>
        audit.WriteAsync(
            [
                new AuditEvent
                {
                    Time = time.GetUtcNow(),
                    Workflow = Workflow.RecordsIntake,
                    InstanceId = RecordsIntakeStarter.InstanceIdFor(documentId),
                    Activity = AuditActivity,
                    Actor = actor,
                    Subject = recordId,
                    Action = AuditActions.RecordViewed,
                    Outcome = outcome,
                    Detail = detail,
                    RetentionClass = RetentionClasses.For(Workflow.RecordsIntake),
                },
            ],
            token);

    [GeneratedRegex("^(?<document>doc-[0-9a-f]{32})-(?<index>[0-9]{2})$")]
    private static partial Regex RecordIdPattern();
}
