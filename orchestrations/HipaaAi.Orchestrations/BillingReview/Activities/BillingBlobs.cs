using HipaaAi.Shared.Storage;

namespace HipaaAi.Orchestrations.BillingReview.Activities;

/// <summary>
/// Where billing review keeps things. Intermediate claims and findings sit in the work container under the file id
/// (so quarantine and finish clear them with one prefix); reports, released claims and the archived source go to the
/// outbox.
/// </summary>
public static class BillingBlobs
{
    public static string WorkPrefix(string fileId) => $"{fileId}/";

    public static string Claim(string fileId, int index) => $"{fileId}/claims/{index:D3}.json";

    public static string CheckFindings(string fileId, int index) => $"{fileId}/claims/{index:D3}/checks.json";

    public static string DocumentationFindings(string fileId, int index) =>
        $"{fileId}/claims/{index:D3}/documentation.json";

    public static string Report(string fileId, int index) => $"billing/{fileId}/claim-{index:D3}.findings.json";

    public static string Summary(string fileId, int index) => $"billing/{fileId}/claim-{index:D3}.findings.txt";

    /// <summary>Where billing staff put the corrected claim (claim JSON) before choosing edit-and-approve.</summary>
    public static string Correction(string fileId, int index) => $"billing/{fileId}/claim-{index:D3}.corrected.json";

    public static string Released(string fileId, int index) => $"claims/{fileId}/claim-{index:D3}.json";

    public static string Archive(string fileId, string sourceName) =>
        $"billing/{fileId}/source{Path.GetExtension(sourceName).ToLowerInvariant()}";

    public static string InOutbox(string name) => $"{StorageNames.Outbox}/{name}";
}

/// <summary>The queues of billing review (the Bicep template creates the same names).</summary>
public static class BillingQueues
{
    /// <summary>Claims submitted as messages: the body is an 837 interchange or claim JSON.</summary>
    public const string Claims = "billing-claims";

    /// <summary>A reference message per released claim, for the clearinghouse submitter.</summary>
    public const string Released = "billing-released";

    public static IReadOnlyList<string> All { get; } = [Claims, Released];
}

/// <summary>Reason codes billing review quarantines or holds with. Codes only.</summary>
public static class BillingReasons
{
    /// <summary>
    /// The file is not a readable 837 or claim JSON; the detail is the parser's position-only message.
    /// </summary>
    public const string MalformedClaimFile = "MalformedClaimFile";

    /// <summary>The file holds no claim at all.</summary>
    public const string NoClaims = "NoClaims";

    /// <summary>Edit-and-approve was chosen but no corrected claim was stored.</summary>
    public const string CorrectedClaimMissing = "CorrectedClaimMissing";

    /// <summary>The corrected claim is not readable claim JSON or names another claim.</summary>
    public const string CorrectedClaimInvalid = "CorrectedClaimInvalid";
}
