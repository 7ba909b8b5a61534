using Azure;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.PriorAuthorization.Activities;

/// <summary>One step in a case's life as staff systems read it.</summary>
public sealed record CaseStatusEntry(DateTimeOffset At, string Stage, string? Detail);

/// <summary>The case record staff systems read: its current stage, the submission and every change so far.</summary>
public sealed record CaseStatus(string CaseId, string Stage, string? SubmissionId, IReadOnlyList<CaseStatusEntry> History);

/// <summary>Keeps the case record up to date. A repeated step (a retried activity) does not add the same entry twice.</summary>
public sealed class CaseStatusRecord(DocumentStore store, TimeProvider timeProvider)
{
    public async Task UpdateAsync(
        string caseId,
        string stage,
        string? detail,
        string? submissionId,
        CancellationToken cancellationToken)
    {
        var name = CaseBlobs.Status(caseId);
        CaseStatus current;
        try
        {
            current = await store.ReadJsonAsync<CaseStatus>(StorageNames.Records, name, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException failure) when (failure.Status == 404)
        {
            current = new CaseStatus(caseId, "Received", null, []);
        }

        var last = current.History.Count > 0 ? current.History[^1] : null;
        if (last is not null && last.Stage == stage && last.Detail == detail)
        {
            return;
        }

        var updated = current with
        {
            Stage = stage,
            SubmissionId = submissionId ?? current.SubmissionId,
            History = [.. current.History, new CaseStatusEntry(timeProvider.GetUtcNow(), stage, detail)],
        };
        await store.WriteJsonAsync(StorageNames.Records, name, updated, null, cancellationToken).ConfigureAwait(false);
    }
}
