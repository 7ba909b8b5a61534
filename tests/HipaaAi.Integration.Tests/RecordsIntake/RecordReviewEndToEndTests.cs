using System.Text.Json;
using Azure.Storage.Queues;
using HipaaAi.Local.Commands;
using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Orchestrations.RecordsIntake;
using HipaaAi.Orchestrations.RecordsIntake.Models;
using HipaaAi.Orchestrations.RecordsIntake.Trigger;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using HipaaAi.Shared.Samples;
using HipaaAi.Shared.Storage;
using HipaaAi.Shared.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace HipaaAi.Integration.Tests.RecordsIntake;

public sealed class RecordReviewEndToEndTests(LocalHostFixture host) : IClassFixture<LocalHostFixture>
{
    private static readonly ApprovalActor Reviewer = new("staff-oid-42", [ReviewSettings.ApproverRole]);

    [Fact]
    public async Task DocumentInReview_ApprovedOnItsCard_IsReleasedToItsStaffQueueWithTheDecisionOnTheRecord()
    {
        // Arrange: the junk fax of the sample set always goes to review.
        var folder = Path.Combine(host.Paths.StateRoot, "review-samples");
        var labels = SampleFolder.Generate(folder, seed: 21, includeBenchmarkFax: false);
        var junk = labels.Files.Single(file => file.Kind == SampleKind.JunkFax);
        var only = Path.Combine(host.Paths.StateRoot, "review-only");
        Directory.CreateDirectory(only);
        File.Copy(Path.Combine(folder, junk.File), Path.Combine(only, junk.File));
        var client = host.Session.Runtime.Client;

        // Act
        var submitted = await IntakeBatch.SubmitFolderAsync(host.Store, only, default);
        var waiting = Assert.Single(await IntakeBatch.WaitForAllAsync(client, submitted, TextWriter.Null, default));
        var inReview = Assert.Single(waiting.Result!.Documents);
        var recordId = $"{waiting.Result.DocumentId}-{inReview.Index:D2}";
        var approval = await PendingApprovalForAsync(recordId);
        var answer = await host.Session.Services.GetRequiredService<ApprovalDecisionService>().DecideAsync(client,
            new DecisionSubmission(approval.ApprovalId, ApprovalDecision.Approve, "looked fine", null, Reviewer, "test"),
            default);
        var done = Assert.Single(await IntakeBatch.WaitForAllAsync(client, submitted, TextWriter.Null, default,
            waitForReviews: true));

        // Assert
        Assert.Equal(ReviewStatuses.Awaiting, inReview.ReviewStatus);
        Assert.Equal(ApprovalKinds.RecordReview, approval.Kind);
        Assert.Contains($"/api/records/{recordId}", approval.CardJson, StringComparison.Ordinal);
        Assert.Equal(DecisionStatus.Accepted, answer.Status);

        var reviewed = Assert.Single(done.Result!.Documents);
        var staffQueue = host.Session.Services.GetRequiredService<RoutingRules>().QueueFor(reviewed.Type);
        Assert.Equal((ReviewStatuses.Approved, staffQueue), (reviewed.ReviewStatus, reviewed.Queue));
        var record = await host.Store.ReadJsonAsync<IntakeRecord>(StorageNames.Records,
            reviewed.RecordBlob[(StorageNames.Records.Length + 1)..], default);
        Assert.Equal(new RecordReview(ReviewStatuses.Approved, Reviewer.Id, "looked fine", record.Review!.DecidedAt,
            staffQueue), record.Review);
        Assert.Contains(recordId, await PeekAsync(staffQueue));
    }

    [Fact]
    public async Task RecordViewer_OpeningsAndRefusals_AreEachAuditedWithTheStaffMemberAsActor()
    {
        // Arrange
        var folder = Path.Combine(host.Paths.StateRoot, "viewer-samples");
        var labels = SampleFolder.Generate(folder, seed: 22, includeBenchmarkFax: false);
        var referral = labels.Files.Single(file => file.File == "referral.pdf");
        var only = Path.Combine(host.Paths.StateRoot, "viewer-only");
        Directory.CreateDirectory(only);
        File.Copy(Path.Combine(folder, referral.File), Path.Combine(only, referral.File));
        var submitted = await IntakeBatch.SubmitFolderAsync(host.Store, only, default);
        var finished = Assert.Single(await IntakeBatch.WaitForAllAsync(host.Session.Runtime.Client, submitted,
            TextWriter.Null, default));
        var recordId = $"{finished.Result!.DocumentId}-01";
        var access = host.Session.Services.GetRequiredService<RecordAccessService>();

        // Act
        var opened = await access.OpenAsync(recordId, Reviewer, "test", default);
        var wrongRole = await access.OpenAsync(recordId, new ApprovalActor("staff-oid-7", ["Provider"]), "test", default);
        var anonymous = await access.OpenAsync(recordId, null, "test", default);
        var missing = await access.OpenAsync($"{finished.Result.DocumentId}-99", Reviewer, "test", default);

        // Assert
        Assert.Equal((200, 403, 401, 404),
            (opened.HttpStatus, wrongRole.HttpStatus, anonymous.HttpStatus, missing.HttpStatus));
        Assert.Equal(recordId, opened.Record!.RecordId);
        Assert.Null(wrongRole.Record);

        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var views = (await reader.QueryAsync(new AuditQuery(Workflow.RecordsIntake)
            {
                InstanceId = submitted[0].InstanceId,
                Action = AuditActions.RecordViewed,
            }, default))
            .Select(item => (item.Event.Actor, item.Event.Subject, item.Event.Outcome))
            .ToList();
        Assert.Equal(
            [
                (Reviewer.Id, recordId, AuditOutcomes.Succeeded),
                ("staff-oid-7", recordId, AuditOutcomes.Refused),
                ("anonymous", recordId, AuditOutcomes.Refused),
                (Reviewer.Id, $"{finished.Result.DocumentId}-99", AuditOutcomes.NotFound),
            ],
            views);
    }

    private async Task<ApprovalRecord> PendingApprovalForAsync(string recordId)
    {
        var store = host.Session.Services.GetRequiredService<ApprovalStore>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var pending = await store.ListPendingAsync(default);
            if (pending.FirstOrDefault(item => item.SubjectId == recordId) is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        // Say what the workflow did instead, from its audit trail.
        var reader = host.Session.Services.GetRequiredService<AuditTrailReader>();
        var trail = (await reader.QueryAsync(new AuditQuery(Workflow.RecordsIntake), default))
            .Select(item => item.Event)
            .Where(item => item.Subject.StartsWith(recordId[..36], StringComparison.Ordinal))
            .Select(item => $"{item.InstanceId} {item.Activity} #{item.Attempt} {item.Action} {item.Outcome} {item.Detail}");
        var parentId = RecordsIntakeStarter.InstanceIdFor(recordId[..36]);
        var client = host.Session.Runtime.Client;
        var parent = await client.GetInstanceAsync(parentId, getInputsAndOutputs: true);
        var child = await client.GetInstanceAsync($"{parentId}-review-{recordId[37..]}", getInputsAndOutputs: true);
        throw new TimeoutException($"No approval card was stored for {recordId}:\n{string.Join('\n', trail)}\n" +
            $"parent {parent?.RuntimeStatus} {parent?.SerializedOutput} {parent?.FailureDetails}\n" +
            $"child {child?.RuntimeStatus} {child?.SerializedOutput} {child?.FailureDetails}");
    }

    private static async Task<string> PeekAsync(string queue)
    {
        var client = new QueueClient("UseDevelopmentStorage=true", queue,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var messages = await client.PeekMessagesAsync(32);
        return string.Join('\n', messages.Value.Select(message => message.Body.ToString()));
    }
}
