using System.Text.RegularExpressions;
using HipaaAi.Shared.Approvals;
using HipaaAi.Shared.Audit;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HipaaAi.Orchestrations.Approvals;

/// <summary>How a decision request ended; each maps to one HTTP status.</summary>
public enum DecisionStatus
{
    Accepted,
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    AlreadyDecided,
    Replayed,
    Gone,
}

/// <summary>
/// A decision as a host received it. <see cref="LinkToken"/> is a signed approval link; <see cref="Principal"/> is
/// the signed-in staff member (App Service authentication in Azure), which the host passes only when it trusts it.
/// </summary>
public sealed record DecisionSubmission(
    string ApprovalId,
    ApprovalDecision? Decision,
    string? Comment,
    string? LinkToken,
    ApprovalActor? Principal,
    string Channel);

/// <summary>The answer to a decision request: status, a clear message, and the decision that stands, if any.</summary>
public sealed record DecisionAnswer(
    DecisionStatus Status,
    string Message,
    ApprovalDecision? Decision = null,
    string? DecidedBy = null,
    DateTimeOffset? DecidedAt = null)
{
    public int HttpStatus => Status switch
    {
        DecisionStatus.Accepted => 200,
        DecisionStatus.Invalid => 400,
        DecisionStatus.Unauthenticated => 401,
        DecisionStatus.Forbidden => 403,
        DecisionStatus.NotFound => 404,
        DecisionStatus.AlreadyDecided or DecisionStatus.Replayed => 409,
        DecisionStatus.Gone => 410,
        _ => 500,
    };
}

/// <summary>
/// Decides an approval, the same way for every host (the Functions endpoint, the local review page, the local
/// auto-approver): authenticate (signed link or trusted principal), check the decider's role for the approval kind,
/// record exactly one decision with a conditional insert, audit it with the staff member as actor, and only then
/// raise <see cref="ApprovalEvents.Decided"/>. Refusals are audited too.
/// </summary>
public sealed partial class ApprovalDecisionService(
    ApprovalStore store,
    ApprovalLinkSigner signer,
    IAuditSink audit,
    IOptions<ApprovalOptions> options,
    TimeProvider time,
    ILogger<ApprovalDecisionService> logger)
{
    public const int MaxCommentLength = 1000;

    public async Task<DecisionAnswer> DecideAsync(
        DurableTaskClient client,
        DecisionSubmission submission,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(submission);

        if (!ApprovalIdPattern().IsMatch(submission.ApprovalId))
        {
            return new DecisionAnswer(DecisionStatus.NotFound, "No approval has this id.");
        }

        if (submission.Comment is { Length: > MaxCommentLength })
        {
            return new DecisionAnswer(DecisionStatus.Invalid, $"A comment is at most {MaxCommentLength} characters.");
        }

        var record = await store.GetRequestAsync(submission.ApprovalId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new DecisionAnswer(DecisionStatus.NotFound, "No approval has this id.");
        }

        var standing = await store.GetDecisionAsync(record.ApprovalId, cancellationToken).ConfigureAwait(false);
        if (standing is not null)
        {
            return await RefuseAsync(record, submission, AlreadyDecided(standing), "AlreadyDecided", cancellationToken)
                .ConfigureAwait(false);
        }

        var instance = await client.GetInstanceAsync(record.InstanceId, getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        if (instance is null || instance.IsCompleted)
        {
            var gone = new DecisionAnswer(DecisionStatus.Gone, "This approval is closed; its workflow no longer waits.");
            return await RefuseAsync(record, submission, gone, "Closed", cancellationToken).ConfigureAwait(false);
        }

        var authorization = Authorize(record, submission);
        if (authorization.Refusal is { } refusal)
        {
            return await RefuseAsync(record, submission, refusal, authorization.Code, cancellationToken)
                .ConfigureAwait(false);
        }

        if (authorization.Nonce is { } nonce
            && !await store.TryUseNonceAsync(record.ApprovalId, nonce, cancellationToken).ConfigureAwait(false))
        {
            var replayed = new DecisionAnswer(DecisionStatus.Replayed, "This approval link was already used.");
            return await RefuseAsync(record, submission, replayed, "Replayed", cancellationToken).ConfigureAwait(false);
        }

        var decision = new StoredDecision(authorization.Decision, authorization.ActorId, submission.Comment,
            time.GetUtcNow(), submission.Channel);
        var write = await store.TryRecordDecisionAsync(record.ApprovalId, decision, cancellationToken)
            .ConfigureAwait(false);
        if (!write.Recorded)
        {
            return await RefuseAsync(record, submission, AlreadyDecided(write.Standing), "AlreadyDecided",
                cancellationToken).ConfigureAwait(false);
        }

        await WriteAuditAsync(record, authorization.ActorId, ApprovalAuditActions.Decided,
            authorization.Decision.ToString(), submission.Channel, cancellationToken).ConfigureAwait(false);
        await store.SetStatusAsync(record.ApprovalId, ApprovalStatus.Decided, cancellationToken).ConfigureAwait(false);
        await client.RaiseEventAsync(record.InstanceId, ApprovalEvents.Decided,
            new ApprovalDecidedEvent(record.ApprovalId, authorization.Decision, authorization.ActorId,
                submission.Comment, decision.DecidedAt, submission.Channel),
            cancellationToken).ConfigureAwait(false);

        ApprovalLogs.DecisionAccepted(logger, record.ApprovalId, authorization.Decision, submission.Channel);
        return new DecisionAnswer(DecisionStatus.Accepted, "Decision recorded.", authorization.Decision,
            authorization.ActorId, decision.DecidedAt);
    }

    private Authorization Authorize(ApprovalRecord record, DecisionSubmission submission)
    {
        var allowedRoles = options.Value.RolesFor(record.Kind, record.ApproverRole);
        ApprovalLinkClaims? claims = null;
        if (submission.LinkToken is { Length: > 0 } token)
        {
            try
            {
                claims = signer.Verify(token, record.ApprovalId);
            }
            catch (ApprovalTokenException failure)
            {
                return Authorization.Refused(failure.Failure.ToString(), new DecisionAnswer(
                    DecisionStatus.Unauthenticated, $"The approval link is not valid ({failure.Failure})."));
            }
        }

        if (claims is null && submission.Principal is null)
        {
            return Authorization.Refused("Unauthenticated", new DecisionAnswer(DecisionStatus.Unauthenticated,
                "Sign in or use the signed link from the approval card."));
        }

        // A signed link grants the role it was issued for; without one, the signed-in identity's roles count.
        var hasRole = claims is not null
            ? allowedRoles.Contains(claims.Role, StringComparer.Ordinal)
            : submission.Principal!.Roles.Intersect(allowedRoles, StringComparer.Ordinal).Any();
        if (!hasRole)
        {
            return Authorization.Refused("WrongRole", new DecisionAnswer(DecisionStatus.Forbidden,
                $"Only {string.Join(" or ", allowedRoles)} may decide this {record.Kind} approval."));
        }

        var decision = claims?.Decision ?? submission.Decision;
        if (decision is null || (claims is not null && submission.Decision is { } asked && asked != claims.Decision))
        {
            return Authorization.Refused("DecisionMismatch", new DecisionAnswer(DecisionStatus.Invalid,
                "The decision is missing or differs from the one the link was issued for."));
        }

        if (!record.AllowedDecisions.Contains(decision.Value))
        {
            return Authorization.Refused("DecisionNotAllowed", new DecisionAnswer(DecisionStatus.Invalid,
                $"{decision} is not a decision this approval offers."));
        }

        var actorId = submission.Principal?.Id ?? $"signed-link:{claims!.Role}";
        return new Authorization(null, string.Empty, decision.Value, actorId, claims?.Nonce);
    }

    private async Task<DecisionAnswer> RefuseAsync(
        ApprovalRecord record,
        DecisionSubmission submission,
        DecisionAnswer answer,
        string code,
        CancellationToken cancellationToken)
    {
        ApprovalLogs.DecisionRefused(logger, record.ApprovalId, answer.Status, code);
        await WriteAuditAsync(record, submission.Principal?.Id ?? "anonymous", ApprovalAuditActions.Refused,
            AuditOutcomes.Refused, code, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    private Task WriteAuditAsync(
        ApprovalRecord record,
        string actor,
        string action,
        string outcome,
        string detail,
        CancellationToken cancellationToken) =>
        audit.WriteAsync(
            [
                new AuditEvent
                {
                    Time = time.GetUtcNow(),
                    Workflow = record.Workflow,
                    InstanceId = record.InstanceId,
                    Activity = ApprovalAuditActions.DecisionEndpoint,
                    Actor = actor,
                    Subject = record.SubjectId,
                    Action = action,
                    Outcome = outcome,
                    Detail = detail,
                    RetentionClass = RetentionClasses.For(record.Workflow),
                },
            ],
            cancellationToken);

    private static DecisionAnswer AlreadyDecided(StoredDecision standing) => standing.Decision is { } decision
        ? new DecisionAnswer(DecisionStatus.AlreadyDecided,
            $"Already decided ({decision}) by {standing.DecidedBy} at {standing.DecidedAt:u}.",
            decision, standing.DecidedBy, standing.DecidedAt)
        : new DecisionAnswer(DecisionStatus.Gone, $"This approval closed ({standing.Channel}) at {standing.DecidedAt:u}.");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex ApprovalIdPattern();

    private sealed record Authorization(
        DecisionAnswer? Refusal,
        string Code,
        ApprovalDecision Decision,
        string ActorId,
        string? Nonce)
    {
        public static Authorization Refused(string code, DecisionAnswer answer) =>
            new(answer, code, default, string.Empty, null);
    }
}
