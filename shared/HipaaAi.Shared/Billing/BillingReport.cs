using System.Globalization;
using System.Text;

namespace HipaaAi.Shared.Billing;

/// <summary>The review of one claim.</summary>
/// <param name="ClaimId">CLM01.</param>
/// <param name="Kind">837P or 837I.</param>
/// <param name="TotalCharge">CLM02.</param>
/// <param name="Findings">Findings, most severe first, then by line.</param>
/// <param name="NeedsStaffReview">True when a finding reaches the configured threshold.</param>
public sealed record ClaimReview(string ClaimId, ClaimKind Kind, decimal TotalCharge,
    IReadOnlyList<BillingFinding> Findings, bool NeedsStaffReview);

/// <summary>The review of a batch of claims.</summary>
/// <param name="Claims">One review per claim, in input order.</param>
/// <param name="CountsBySeverity">Findings per severity (every severity present, zero included).</param>
/// <param name="StaffReviewThreshold">The threshold the claims were judged against.</param>
public sealed record BillingReport(IReadOnlyList<ClaimReview> Claims,
    IReadOnlyDictionary<FindingSeverity, int> CountsBySeverity, FindingSeverity StaffReviewThreshold)
{
    /// <summary>Claims that go to billing staff.</summary>
    public int ClaimsNeedingReview => Claims.Count(claim => claim.NeedsStaffReview);

    /// <summary>Every finding.</summary>
    public IEnumerable<BillingFinding> Findings => Claims.SelectMany(claim => claim.Findings);

    /// <summary>
    /// A plain-text summary for billing staff: totals, then each claim that needs review with its findings and fixes.
    /// Contains claim ids, codes and note quotes, no names or member ids.
    /// </summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Billing review: {Claims.Count} claims, {ClaimsNeedingReview} need review " +
            $"(threshold {StaffReviewThreshold}).");
        text.AppendLine(culture, $"Findings: {CountsBySeverity[FindingSeverity.Error]} errors, " +
            $"{CountsBySeverity[FindingSeverity.Warning]} warnings, {CountsBySeverity[FindingSeverity.Info]} info.");
        foreach (var claim in Claims.Where(claim => claim.NeedsStaffReview))
        {
            text.AppendLine();
            text.AppendLine(culture, $"Claim {claim.ClaimId} ({claim.Kind}, {claim.TotalCharge:0.00}):");
            foreach (var finding in claim.Findings)
            {
                var line = finding.LineNumber is int number ? $"line {number}" : "claim";
                text.AppendLine(culture, $"  [{finding.Severity}] {finding.Rule} ({line}): {finding.Evidence}");
                text.AppendLine(culture, $"      Fix: {finding.SuggestedFix}");
            }
        }

        return text.ToString();
    }

    internal static BillingReport Create(IReadOnlyList<ClaimReview> claims, FindingSeverity threshold)
    {
        var counts = Enum.GetValues<FindingSeverity>().ToDictionary(severity => severity,
            severity => claims.Sum(claim => claim.Findings.Count(finding => finding.Severity == severity)));
        return new BillingReport(claims, counts, threshold);
    }
}
