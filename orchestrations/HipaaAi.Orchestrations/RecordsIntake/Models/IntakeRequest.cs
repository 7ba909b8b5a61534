using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.RecordsIntake.Models;

/// <summary>
/// The settings an intake instance runs with, fixed when it starts so every replay of the orchestrator decides alike.
/// Without <see cref="Review"/> documents routed to review wait in the review queue and no card is sent.
/// </summary>
public sealed record IntakeSettings(
    int PagesPerReadBatch,
    TimeSpan EmptyFileGrace,
    int EmptyFileChecks,
    RetryPlan Retry,
    ReviewSettings? Review = null)
{
    public static IntakeSettings Default { get; } =
        new(8, TimeSpan.FromSeconds(20), 3, RetryPlan.Default, ReviewSettings.Default);
}

/// <summary>The input of one records-intake orchestration: the file that landed in an inbox, by reference.</summary>
public sealed record IntakeRequest(string DocumentId, string Inbox, BlobReference Source, IntakeSettings Settings);
