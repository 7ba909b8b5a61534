using Azure;
using Azure.Core;
using Azure.Data.Tables;
using HipaaAi.Shared.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace HipaaAi.Shared.Approvals;

/// <summary>Where an approval stands.</summary>
public enum ApprovalStatus
{
    Pending,
    Decided,
    Expired,
    Undelivered,
}

/// <summary>An approval as the decision endpoint and the review page see it: routing facts and the latest card.</summary>
public sealed record ApprovalRecord(
    string ApprovalId,
    string InstanceId,
    Workflow Workflow,
    string Kind,
    string SubjectId,
    string ApproverRole,
    IReadOnlyList<ApprovalDecision> AllowedDecisions,
    ApprovalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    string CardJson);

/// <summary>
/// The one closing fact of an approval: a staff decision, or the timeout (then <see cref="Decision"/> is null).
/// Written once with a conditional insert; whoever comes second reads this.
/// </summary>
public sealed record StoredDecision(
    ApprovalDecision? Decision,
    string DecidedBy,
    string? Comment,
    DateTimeOffset DecidedAt,
    string Channel);

/// <summary>The result of trying to record a decision: whether this call won, and the decision that stands.</summary>
public sealed record DecisionWrite(bool Recorded, StoredDecision Standing);

/// <summary>
/// Approval state in an Azure Table (the emulator locally): one partition per approval holding the request row, at
/// most one decision row (conditional insert, so concurrent deciders cannot both win) and the used link nonces.
/// </summary>
public sealed class ApprovalStore(TableServiceClient service, IOptions<ApprovalOptions> options)
{
    private const string RequestRow = "request";
    private const string DecisionRow = "decision";
    private const string NoncePrefix = "nonce-";
    private const string PostPrefix = "post-";

    private Task? _creating;

    /// <summary>Creates the table client from the product's storage connection setting (no account keys).</summary>
    public static TableServiceClient CreateService(IConfiguration configuration, TokenCredential credential,
        string connectionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(connectionName);
        if (section.Value is { Length: > 0 } value)
        {
            if (!value.StartsWith("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Setting '{connectionName}' must be the development storage setting locally or a section with " +
                    "tableServiceUri in Azure; account keys are not accepted.");
            }

            return new TableServiceClient(value);
        }

        var tableUri = section["tableServiceUri"]
            ?? throw new InvalidOperationException($"Setting '{connectionName}__tableServiceUri' is missing.");
        return new TableServiceClient(new Uri(tableUri), credential);
    }

    /// <summary>Writes or refreshes the request row (an activity retry writes the same values again).</summary>
    public async Task SaveRequestAsync(ApprovalRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(record.ApprovalId, RequestRow)
        {
            ["InstanceId"] = record.InstanceId,
            ["Workflow"] = record.Workflow.ToString(),
            ["Kind"] = record.Kind,
            ["SubjectId"] = record.SubjectId,
            ["ApproverRole"] = record.ApproverRole,
            ["AllowedDecisions"] = string.Join(',', record.AllowedDecisions),
            ["Status"] = record.Status.ToString(),
            ["CreatedAt"] = record.CreatedAt,
            ["Deadline"] = record.Deadline,
            ["CardJson"] = record.CardJson,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApprovalRecord?> GetRequestAsync(string approvalId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(approvalId, RequestRow,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? ToRecord(entity) : null;
    }

    public async Task<StoredDecision?> GetDecisionAsync(string approvalId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(approvalId, DecisionRow,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is { } entity ? ToDecision(entity) : null;
    }

    /// <summary>
    /// Records the closing decision with a conditional insert. Exactly one caller per approval gets
    /// <c>Recorded = true</c>; every other one gets the decision that stands.
    /// </summary>
    public async Task<DecisionWrite> TryRecordDecisionAsync(
        string approvalId,
        StoredDecision decision,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(approvalId, DecisionRow)
        {
            ["Decision"] = decision.Decision?.ToString(),
            ["DecidedBy"] = decision.DecidedBy,
            ["Comment"] = decision.Comment,
            ["DecidedAt"] = decision.DecidedAt,
            ["Channel"] = decision.Channel,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new DecisionWrite(true, decision);
        }
        catch (RequestFailedException failure) when (failure.Status == 409)
        {
            var standing = await GetDecisionAsync(approvalId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A decision row conflicted but cannot be read back.");
            return new DecisionWrite(false, standing);
        }
    }

    /// <summary>Marks a link nonce used; false when it was used before (a replayed link).</summary>
    public async Task<bool> TryUseNonceAsync(string approvalId, string nonce, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(approvalId, NoncePrefix + nonce), cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException failure) when (failure.Status == 409)
        {
            return false;
        }
    }

    public async Task SetStatusAsync(string approvalId, ApprovalStatus status, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(approvalId, RequestRow) { ["Status"] = status.ToString() };
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            // Nothing was ever posted for this approval; there is no row to close.
        }
    }

    /// <summary>Keeps a message the local channel "posted", in order, as Teams would have received it.</summary>
    public async Task RecordPostAsync(string approvalId, int sequence, string stage, string envelope,
        CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(approvalId, $"{PostPrefix}{sequence:D4}")
        {
            ["Stage"] = stage,
            ["Envelope"] = envelope,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stages of the messages posted locally for an approval, in order.</summary>
    public async Task<IReadOnlyList<string>> ListPostsAsync(string approvalId, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var stages = new List<string>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {approvalId} and RowKey ge {PostPrefix} and RowKey lt {"post."}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            stages.Add(entity.GetString("Stage") ?? string.Empty);
        }

        return stages;
    }

    /// <summary>Approvals still waiting for a decision, oldest first.</summary>
    public async Task<IReadOnlyList<ApprovalRecord>> ListPendingAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<ApprovalRecord>();
        var filter = TableClient.CreateQueryFilter(
            $"RowKey eq {RequestRow} and Status eq {nameof(ApprovalStatus.Pending)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            pending.Add(ToRecord(entity));
        }

        return [.. pending.OrderBy(record => record.CreatedAt)];
    }

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(options.Value.TableName);

        // Created once per process; a failed attempt is tried again by the next caller.
        var creating = Volatile.Read(ref _creating);
        if (creating is null || creating.IsFaulted || creating.IsCanceled)
        {
            creating = table.CreateIfNotExistsAsync(CancellationToken.None);
            Volatile.Write(ref _creating, creating);
        }

        await creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        return table;
    }

    private static ApprovalRecord ToRecord(TableEntity entity) => new(
        entity.PartitionKey,
        entity.GetString("InstanceId") ?? string.Empty,
        Enum.Parse<Workflow>(entity.GetString("Workflow") ?? nameof(Workflow.RecordsIntake)),
        entity.GetString("Kind") ?? string.Empty,
        entity.GetString("SubjectId") ?? string.Empty,
        entity.GetString("ApproverRole") ?? string.Empty,
        [.. (entity.GetString("AllowedDecisions") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(Enum.Parse<ApprovalDecision>)],
        Enum.Parse<ApprovalStatus>(entity.GetString("Status") ?? nameof(ApprovalStatus.Pending)),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("Deadline") ?? DateTimeOffset.MinValue,
        entity.GetString("CardJson") ?? "{}");

    private static StoredDecision ToDecision(TableEntity entity) => new(
        entity.GetString("Decision") is { Length: > 0 } decision ? Enum.Parse<ApprovalDecision>(decision) : null,
        entity.GetString("DecidedBy") ?? string.Empty,
        entity.GetString("Comment"),
        entity.GetDateTimeOffset("DecidedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("Channel") ?? string.Empty);
}
