using HipaaAi.Orchestrations.Approvals;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;

namespace HipaaAi.Integration.Tests.Approvals;

[Collection(EmulatorGroup.Name)]
public sealed class ApprovalDecisionServiceTests
{
    [Fact]
    public async Task DecideAsync_ValidSignedLink_RecordsAuditsAndRaisesTheEventOnce()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        var token = harness.Link(approvalId, ApprovalDecision.Approve);

        // Act
        var answer = await harness.DecideAsync(approvalId, token, new ApprovalActor("staff-oid-9", []));

        // Assert
        Assert.Equal(DecisionStatus.Accepted, answer.Status);
        Assert.Equal(200, answer.HttpStatus);
        Assert.Equal(ApprovalDecision.Approve, (await harness.Store.GetDecisionAsync(approvalId, default))!.Decision);
        Assert.Equal(ApprovalStatus.Decided, (await harness.Store.GetRequestAsync(approvalId, default))!.Status);
        Assert.Equal(1, harness.RaisedEvents);
        var audit = Assert.Single(harness.Audit.Events);
        Assert.Equal(ApprovalAuditActions.Decided, audit.Action);
        Assert.Equal("staff-oid-9", audit.Actor);
        Assert.Equal("doc-42/01", audit.Subject);
        Assert.Equal(nameof(ApprovalDecision.Approve), audit.Outcome);
    }

    [Fact]
    public async Task DecideAsync_ForgedToken_Refuses401AndAuditsTheRefusal()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        var other = DecisionHarness.Create();
        var forged = other.Link(approvalId, ApprovalDecision.Approve);

        // Act
        var answer = await harness.DecideAsync(approvalId, forged);

        // Assert
        Assert.Equal(401, answer.HttpStatus);
        Assert.Null(await harness.Store.GetDecisionAsync(approvalId, default));
        Assert.Equal(0, harness.RaisedEvents);
        var audit = Assert.Single(harness.Audit.Events);
        Assert.Equal((ApprovalAuditActions.Refused, AuditOutcomes.Refused, "BadSignature"),
            (audit.Action, audit.Outcome, audit.Detail));
    }

    [Fact]
    public async Task DecideAsync_ExpiredLink_Refuses401AsExpired()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        var token = harness.Link(approvalId, ApprovalDecision.Approve);
        harness.Clock.Advance(TimeSpan.FromDays(2));

        // Act
        var answer = await harness.DecideAsync(approvalId, token);

        // Assert
        Assert.Equal(401, answer.HttpStatus);
        Assert.Contains("Expired", answer.Message, StringComparison.Ordinal);
        Assert.Equal("Expired", Assert.Single(harness.Audit.Events).Detail);
    }

    [Fact]
    public async Task DecideAsync_ReplayedLink_Refuses409AndKeepsTheFirstDecision()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        var token = harness.Link(approvalId, ApprovalDecision.Reject);
        await harness.DecideAsync(approvalId, token, new ApprovalActor("staff-oid-1", []));

        // Act
        var replay = await harness.DecideAsync(approvalId, token, new ApprovalActor("staff-oid-2", []));

        // Assert
        Assert.Equal(409, replay.HttpStatus);
        Assert.Contains("already decided (Reject) by staff-oid-1", replay.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, harness.RaisedEvents);
    }

    [Fact]
    public async Task DecideAsync_LinkIssuedForAnotherRole_Refuses403()
    {
        // Arrange: only providers may sign notes.
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync(ApprovalKinds.NoteSignature, "Provider");
        var token = harness.Link(approvalId, ApprovalDecision.Approve, role: "MedicalAssistant");

        // Act
        var answer = await harness.DecideAsync(approvalId, token);

        // Assert
        Assert.Equal(403, answer.HttpStatus);
        Assert.Equal("WrongRole", Assert.Single(harness.Audit.Events).Detail);
        Assert.Equal(0, harness.RaisedEvents);
    }

    [Theory]
    [InlineData("Scribe", 403)]
    [InlineData("Provider", 200)]
    public async Task DecideAsync_SignedInPrincipal_OnlyTheConfiguredRoleMaySign(string role, int expected)
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync(ApprovalKinds.NoteSignature, "Provider");

        // Act
        var answer = await harness.DecideAsync(approvalId, null, new ApprovalActor("staff-oid-3", [role]),
            ApprovalDecision.Approve);

        // Assert
        Assert.Equal(expected, answer.HttpStatus);
    }

    [Fact]
    public async Task DecideAsync_NoTokenNoPrincipal_Refuses401()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();

        // Act
        var answer = await harness.DecideAsync(approvalId, null, null, ApprovalDecision.Approve);

        // Assert
        Assert.Equal(401, answer.HttpStatus);
    }

    [Theory]
    [InlineData("not-an-approval-id")]
    [InlineData("00000000000000000000000000000000")]
    public async Task DecideAsync_UnknownApproval_Answers404(string approvalId)
    {
        // Arrange
        var harness = DecisionHarness.Create();

        // Act
        var answer = await harness.DecideAsync(approvalId, "v1.x.y");

        // Assert
        Assert.Equal(404, answer.HttpStatus);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    [InlineData(null)]
    public async Task DecideAsync_InstanceCompletedOrPurged_Answers410(OrchestrationRuntimeStatus? status)
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        harness.InstanceStatus = status;

        // Act
        var answer = await harness.DecideAsync(approvalId, harness.Link(approvalId, ApprovalDecision.Approve));

        // Assert
        Assert.Equal(410, answer.HttpStatus);
        Assert.Equal(0, harness.RaisedEvents);
    }

    [Fact]
    public async Task DecideAsync_TwelveReviewersAtOnce_ExactlyOneDecisionAndOneEvent()
    {
        // Arrange
        var harness = DecisionHarness.Create();
        var approvalId = await harness.PendingAsync();
        var attempts = Enumerable.Range(1, 12)
            .Select(index => (Actor: new ApprovalActor($"staff-oid-{index}", []),
                Token: harness.Link(approvalId, index % 2 == 0 ? ApprovalDecision.Approve : ApprovalDecision.Reject)))
            .ToList();

        // Act
        var answers = await Task.WhenAll(attempts.Select(attempt =>
            Task.Run(() => harness.DecideAsync(approvalId, attempt.Token, attempt.Actor))));

        // Assert
        var winner = Assert.Single(answers, answer => answer.Status == DecisionStatus.Accepted);
        Assert.All(answers.Where(answer => answer != winner), answer =>
        {
            Assert.Equal(409, answer.HttpStatus);
            Assert.Equal(winner.DecidedBy, answer.DecidedBy);
        });
        Assert.Equal(1, harness.RaisedEvents);
        Assert.Equal(winner.DecidedBy, (await harness.Store.GetDecisionAsync(approvalId, default))!.DecidedBy);
        Assert.Single(harness.Audit.Events, item => item.Action == ApprovalAuditActions.Decided);
    }
}
