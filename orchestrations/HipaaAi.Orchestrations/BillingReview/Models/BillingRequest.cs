using HipaaAi.Orchestrations.Approvals.Models;
using HipaaAi.Orchestrations.Common;
using HipaaAi.Shared.Billing;
using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Models;

/// <summary>
/// The settings a billing-review instance runs with, fixed when it starts so every replay decides alike: claims with
/// a finding at or above <paramref name="StaffReviewThreshold"/> wait for billing staff, the others pass straight
/// through.
/// </summary>
public sealed record BillingSettings(FindingSeverity StaffReviewThreshold, RetryPlan Retry, ApprovalTiming Approval)
{
    public static BillingSettings Default { get; } =
        new(FindingSeverity.Warning, RetryPlan.Default, ApprovalTiming.Default);
}

/// <summary>
/// The input of one billing-review orchestration: a claim file (837P, 837I or claim JSON), by reference.
/// <paramref name="StorageBase"/> is the blob service address that approval cards link reports under (inside the
/// PHI boundary: opening a link needs the reader's own access).
/// </summary>
public sealed record BillingRequest(string FileId, BlobReference Source, Uri StorageBase, BillingSettings Settings);
